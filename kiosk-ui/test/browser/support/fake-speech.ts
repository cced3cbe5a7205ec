// A stand-in for the platform voice (headless Chromium has none): the same speechSynthesis API, with
// word-boundary events on page timers, and a sampler of the avatar's rounded-lips morph while it speaks.
import type { Page } from 'playwright-core';
import type { KioskHook } from './kiosk-page.ts';

/** The line the fake voice says, and where its words start ("Map moon map moon"). */
export const FAKE_LINE = 'Map moon map moon';
const WORD_STARTS = [0, 4, 9, 13];
/** Word boundaries 400 ms apart from 100 ms on, then a long silence: the voice ends at 3 s. */
const FIRST_BOUNDARY_MS = 100;
const BOUNDARY_GAP_MS = 400;
const END_MS = 3000;
const SAMPLE_MS = 20;

/** Installs the fake voice in every document the page opens (before its scripts run). */
export async function installFakeSpeech(page: Page): Promise<void> {
  await page.addInitScript(
    ({ starts, first, gap, end }) => {
      const log: string[] = [];
      // When each boundary event really fired: a busy page runs the timers late.
      const boundaryAt: number[] = [];
      class FakeUtterance {
        voice: unknown = null;
        lang = '';
        rate = 1;
        onstart: (() => void) | null = null;
        onboundary: ((ev: { name: string; charIndex: number }) => void) | null = null;
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        constructor(readonly text: string) {}
      }
      const synth = {
        getVoices: () => [{ name: 'Test English', lang: 'en-US', localService: true }],
        cancel: () => log.push('cancel'),
        speak: (u: FakeUtterance) => {
          log.push(`speak ${u.lang}`);
          setTimeout(() => u.onstart?.(), first / 2);
          starts.forEach((charIndex, i) =>
            setTimeout(
              () => {
                boundaryAt.push(performance.now());
                u.onboundary?.({ name: 'word', charIndex });
              },
              first + i * gap,
            ),
          );
          setTimeout(() => u.onend?.(), end);
        },
      };
      // The platform's properties are getters: define over them rather than assign.
      for (const [name, value] of Object.entries({
        speechSynthesis: synth,
        SpeechSynthesisUtterance: FakeUtterance,
        __voiceLog: log,
        __boundaryAt: boundaryAt,
      })) {
        Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
      }
    },
    { starts: WORD_STARTS, first: FIRST_BOUNDARY_MS, gap: BOUNDARY_GAP_MS, end: END_MS },
  );
}

export interface SpokenLine {
  voiced: boolean;
  endedAfter: number;
  /** [ms since the line was asked for, the ou morph], every 20 ms as far as the page's timers allow. */
  ou: [number, number][];
  log: string[];
  /** When each word boundary really fired, in ms since the line was asked for. */
  boundaries: number[];
}

/** Has the avatar say the fake line, sampling its ou morph until the line ends. */
export function speakAndSample(page: Page): Promise<SpokenLine> {
  return page.evaluate(
    async ({ line, every }) => {
      const g = globalThis as unknown as KioskHook & { __voiceLog: string[]; __boundaryAt: number[] };
      const avatar = g.__branchKiosk.avatar as KioskHook['__branchKiosk']['avatar'] & { voiced: boolean };
      g.__boundaryAt.length = 0;
      const started = performance.now();
      const ou: [number, number][] = [];
      const sampler = setInterval(
        () => ou.push([performance.now() - started, avatar.getMorphInfluences().ou ?? 0]),
        every,
      );
      const done = avatar.speak(line, 'en');
      const voiced = avatar.voiced;
      await done;
      clearInterval(sampler);
      return {
        voiced,
        endedAfter: performance.now() - started,
        ou,
        log: [...g.__voiceLog],
        boundaries: g.__boundaryAt.map((t) => t - started),
      };
    },
    { line: FAKE_LINE, every: SAMPLE_MS },
  );
}

/** The samples from 100 ms before `t` to `windowMs` after it. */
export function samplesNear(r: SpokenLine, t: number, windowMs: number): [number, number][] {
  return r.ou.filter(([at]) => at > t - 100 && at < t + windowMs);
}

/**
 * Whether the sampler ran on time through the `windowMs` after `t`: no gap over four sample periods
 * (80 ms; the rounded lips of "moon" stay over 0.5 for about 95 ms). A stalled page (software GL on a
 * loaded machine) shows nothing of the lips in its gap.
 */
export function sampledThrough(r: SpokenLine, t: number, windowMs: number): boolean {
  const times = [t, ...r.ou.map(([at]) => at).filter((at) => at > t && at < t + windowMs), t + windowMs];
  return times.every((at, i) => i === 0 || at - times[i - 1]! <= 4 * SAMPLE_MS);
}
