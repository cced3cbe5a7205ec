// Speech timing estimate: how long a line takes to say and where its syllables fall, so the mouth can move
// in rhythm before real visemes and audio boundary events arrive (issue 6). Pure: runs anywhere.
import type { SpeechLocale } from './types.ts';

export interface Syllable {
  startMs: number;
  endMs: number;
  /** 0..1 how wide the jaw opens on this syllable. */
  open: number;
}

export interface SpeechPlan {
  durationMs: number;
  syllables: Syllable[];
}

/** Mandarin runs at roughly 4-5 syllables a second, one syllable per Han character. */
export const ZH_SYLLABLE_MS = 220;
/** English conversational speech is about 4-5 syllables a second as well, a little quicker. */
export const EN_SYLLABLE_MS = 200;
export const SHORT_PAUSE_MS = 180;
export const LONG_PAUSE_MS = 360;
export const MIN_DURATION_MS = 400;

const HAN = /\p{Script=Han}/u;
const SHORT_PAUSE = /[,，、;；:：]/;
const LONG_PAUSE = /[.。!！?？…\n]/;
const VOWELS = 'aeiouy';

/** Syllables in an English word: vowel groups, minus a silent final e; at least one. Digits count as two. */
export function englishSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (w === '') return 0;
  if (/^\d+$/.test(w)) return w.length * 2;
  let count = 0;
  let inVowel = false;
  for (const ch of w) {
    const v = VOWELS.includes(ch);
    if (v && !inVowel) count++;
    inVowel = v;
  }
  if (w.length > 2 && w.endsWith('e') && !w.endsWith('le') && count > 1) count--;
  return Math.max(1, count);
}

/** A small deterministic hash so the same line always animates the same way. */
function openness(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return 0.45 + 0.55 * (x - Math.floor(x));
}

type Token = { kind: 'syllables'; count: number; ms: number } | { kind: 'pause'; ms: number };

function tokenize(text: string, locale: SpeechLocale): Token[] {
  const tokens: Token[] = [];
  let word = '';
  const flushWord = (): void => {
    const n = englishSyllables(word);
    if (n > 0) tokens.push({ kind: 'syllables', count: n, ms: EN_SYLLABLE_MS });
    word = '';
  };
  for (const ch of text) {
    if (HAN.test(ch)) {
      flushWord();
      tokens.push({ kind: 'syllables', count: 1, ms: ZH_SYLLABLE_MS });
    } else if (LONG_PAUSE.test(ch)) {
      flushWord();
      tokens.push({ kind: 'pause', ms: LONG_PAUSE_MS });
    } else if (SHORT_PAUSE.test(ch)) {
      flushWord();
      tokens.push({ kind: 'pause', ms: SHORT_PAUSE_MS });
    } else if (/\s/.test(ch)) {
      flushWord();
    } else {
      word += ch;
    }
  }
  flushWord();
  // A Chinese speaker reads Latin words inside Chinese text a little slower.
  if (locale === 'zh-CN') {
    for (const t of tokens) if (t.kind === 'syllables' && t.ms === EN_SYLLABLE_MS) t.ms = ZH_SYLLABLE_MS;
  }
  return tokens;
}

/** Plans the syllable timeline of `text`. Trailing pauses are dropped: the line ends when the voice does. */
export function planSpeech(text: string, locale: SpeechLocale): SpeechPlan {
  const tokens = tokenize(text, locale);
  while (tokens.length > 0 && tokens[tokens.length - 1]?.kind === 'pause') tokens.pop();
  const syllables: Syllable[] = [];
  let t = 0;
  for (const token of tokens) {
    if (token.kind === 'pause') {
      t += token.ms;
      continue;
    }
    for (let i = 0; i < token.count; i++) {
      syllables.push({ startMs: t, endMs: t + token.ms, open: openness(syllables.length + 1) });
      t += token.ms;
    }
  }
  return { durationMs: Math.max(MIN_DURATION_MS, t), syllables };
}

/** Jaw opening at `tMs` into the plan: each syllable opens and closes smoothly (a sine arch). */
export function jawAt(plan: SpeechPlan, tMs: number): number {
  // Binary search would be faster, but lines are short (tens of syllables) and this runs once a frame.
  for (const s of plan.syllables) {
    if (tMs < s.startMs) return 0;
    if (tMs < s.endMs) {
      const phase = (tMs - s.startMs) / (s.endMs - s.startMs);
      return s.open * Math.sin(Math.PI * phase);
    }
  }
  return 0;
}
