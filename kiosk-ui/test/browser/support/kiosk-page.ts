// Helpers for driving the kiosk page in journey tests: screenshots, touch-target sizes, and the search for
// anything a previous customer left behind (DOM text, JS state through the test hook, browser storage).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface KioskHook {
  __branchKiosk: {
    avatar: {
      renderer: string;
      speaking: boolean;
      mood: string;
      speak(text: string, locale: string): Promise<void>;
      setMood(mood: string): void;
      holdViseme(v: string | null): void;
      getMorphInfluences(): Record<string, number>;
      on(event: string, cb: () => void): () => void;
    };
    overlay(): { caption: string; progress: unknown; queue: unknown; camera: unknown; buttons: unknown[] };
    state(): { screen: string; wipes: number; visit: Record<string, unknown> };
    emotion(): {
      camera: string;
      cue: { cue: string; confidence: number; facePresent: boolean } | null;
      summary: { cues: Record<string, { count: number; ms: number }>; negativeSustained: boolean } | null;
      error: string | null;
    };
  };
}

export function shooter(dir: string): (page: Page, name: string) => Promise<string> {
  mkdirSync(dir, { recursive: true });
  let step = 0;
  return async (page, name) => {
    step += 1;
    const path = join(dir, `${String(step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path });
    return path;
  };
}

export async function waitConnected(page: Page): Promise<void> {
  await page.getByTestId('connection-status').and(page.locator('[data-state="connected"]')).waitFor();
}

/** Visible buttons and inputs smaller than 48 CSS px either way (their test id or text). */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, [role="button"]')]
      .filter((e) => e.offsetParent !== null && !e.closest('.connection'))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width < 48 || r.height < 48;
      })
      .map((e) => e.dataset.testid ?? e.textContent ?? e.tagName),
  );
}

export interface Leftovers {
  /** Secrets found in the page's text, attribute values or input values. */
  dom: string[];
  /** Secrets found in the JSON of the app's state hook and overlay state. */
  state: string[];
  localStorage: number;
  sessionStorage: number;
  indexedDb: string[];
}

/** Looks everywhere the page could keep a customer's data for each of `secrets`. */
export async function findLeftovers(page: Page, secrets: string[]): Promise<Leftovers> {
  return page.evaluate(async (needles) => {
    const hook = (globalThis as unknown as KioskHook).__branchKiosk;
    const inputs = [...document.querySelectorAll('input')].map((i) => i.value).join('\n');
    const dom = `${document.documentElement.outerHTML}\n${document.body.innerText}\n${inputs}`;
    const state = JSON.stringify({ app: hook.state(), overlay: hook.overlay() });
    const dbs = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
    return {
      dom: needles.filter((n) => dom.includes(n)),
      state: needles.filter((n) => state.includes(n)),
      localStorage: localStorage.length,
      sessionStorage: sessionStorage.length,
      indexedDb: dbs.map((d) => d.name ?? ''),
    };
  }, secrets);
}

/** Puts something of the customer into every browser store, as a careless library might. */
export async function plantInStorage(page: Page, value: string): Promise<void> {
  await page.evaluate(async (v) => {
    localStorage.setItem('leak', v);
    sessionStorage.setItem('leak', v);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open('leaky-library', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv');
      req.onsuccess = () => {
        const tx = req.result.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(v, 'question');
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
      };
      req.onerror = () => reject(new Error('indexedDB open failed'));
    });
  }, value);
}
