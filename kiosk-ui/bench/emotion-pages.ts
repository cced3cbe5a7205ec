// The emotion test and benchmark pages built (bench/pages, with the face landmarker's model and wasm
// under /assets/), with the labelled photos at /faces/ and the peer's models (they ship inside
// @vladmandic/human) at /human-models/, served from 127.0.0.1. Each page is run once per task and gives
// its result from window.__result.
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../test/browser/static-server.ts';
import { buildBenchPages } from './build-pages.ts';

export const FACES_DIR = fileURLToPath(new URL('../test/fixtures/faces/', import.meta.url));
/** The larger labelled set (calibration and test parts, split.json). */
export const FACES_MUX_DIR = fileURLToPath(new URL('../test/fixtures/faces-mux/', import.meta.url));

export interface EmotionPages {
  url: string;
  /** Opens `page.html?query`, waits for its result; every request must stay on 127.0.0.1. */
  run<T>(browser: Browser, page: string, query: string): Promise<T>;
  close(): Promise<void>;
}

/** facesDir: the labelled photos (with labels.json) served at /faces/; the ten photos unless given. */
export async function serveEmotionPages(facesDir: string = FACES_DIR): Promise<EmotionPages> {
  const dir = await buildBenchPages();
  cpSync(facesDir, join(dir, 'faces'), { recursive: true });
  const human = dirname(createRequire(import.meta.url).resolve('@vladmandic/human'));
  cpSync(join(human, '..', 'models'), join(dir, 'human-models'), { recursive: true });
  const server = await serveStatic(dir);
  return {
    url: server.url,
    close: () => server.close(),
    async run<T>(browser: Browser, name: string, query: string): Promise<T> {
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      const offsite: string[] = [];
      page.context().on('request', (r) => {
        if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) offsite.push(r.url());
      });
      try {
        await page.goto(`${server.url}/${name}?${query}`);
        const result = (await page.evaluate(
          () => (globalThis as unknown as { __result: Promise<unknown> }).__result,
        )) as T;
        if (offsite.length) throw new Error(`${name} sent requests off the machine: ${offsite.join(', ')}`);
        return result;
      } finally {
        await page.close();
      }
    },
  };
}
