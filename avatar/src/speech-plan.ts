// Speech timing: how long a line takes to say, where its syllables fall (the jaw) and which mouth shapes
// (visemes) it passes through when. An estimate, used when the kiosk has no voice engine (the engine's own
// timing is engine-plan.ts); the browser voice's boundary events re-anchor it to the real audio
// (create-avatar.ts). Pure: runs anywhere.
import type { SpeechLocale } from './types.ts';
import { chineseCharVisemes, pinyinOfText } from './speech/visemes-zh.ts';
import { englishWordSteps } from './speech/visemes-en.ts';
import type { Viseme, VisemeStep } from './speech/viseme.ts';

export interface Syllable {
  startMs: number;
  endMs: number;
  /** 0..1 how wide the jaw opens on this syllable. */
  open: number;
  /** UTF-16 index in the text of the word or character this syllable belongs to (boundary events). */
  charIndex: number;
}

export interface VisemeCue {
  startMs: number;
  endMs: number;
  viseme: Viseme;
}

/** How loud the line's audio is over time: one value (0..1, 1 = the line's loud level) per frame. */
export interface Loudness {
  frameMs: number;
  values: number[];
}

export interface SpeechPlan {
  durationMs: number;
  syllables: Syllable[];
  /** Mouth shapes in time order, back to back within each word. */
  cues: VisemeCue[];
  /** The engine's own audio, when the line has it: the jaw then follows it (see jawAt). */
  loudness?: Loudness;
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

type Token =
  | { kind: 'syllables'; count: number; ms: number; charIndex: number; steps: VisemeStep[] }
  | { kind: 'pause'; ms: number };

function tokenize(text: string, locale: SpeechLocale): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let wordStart = 0;
  const flushWord = (): void => {
    const n = englishSyllables(word);
    if (n > 0) {
      // Chinese reads digits one by one in Chinese; a Chinese speaker reads Latin words a little slower.
      if (locale === 'zh-CN' && /^\d+$/.test(word)) {
        for (let k = 0; k < word.length; k++) {
          const steps = chineseCharVisemes(word[k]!);
          tokens.push({ kind: 'syllables', count: 1, ms: ZH_SYLLABLE_MS, charIndex: wordStart + k, steps });
        }
      } else {
        const ms = locale === 'zh-CN' ? ZH_SYLLABLE_MS : EN_SYLLABLE_MS;
        tokens.push({ kind: 'syllables', count: n, ms, charIndex: wordStart, steps: englishWordSteps(word) });
      }
    }
    word = '';
  };
  let index = 0;
  let point = 0;
  const readings = locale === 'zh-CN' ? pinyinOfText(text) : [];
  for (const ch of text) {
    const at = index;
    index += ch.length;
    const reading = readings[point++];
    if (HAN.test(ch)) {
      flushWord();
      const steps = chineseCharVisemes(ch, reading);
      tokens.push({ kind: 'syllables', count: 1, ms: ZH_SYLLABLE_MS, charIndex: at, steps });
    } else if (LONG_PAUSE.test(ch)) {
      flushWord();
      tokens.push({ kind: 'pause', ms: LONG_PAUSE_MS });
    } else if (SHORT_PAUSE.test(ch)) {
      flushWord();
      tokens.push({ kind: 'pause', ms: SHORT_PAUSE_MS });
    } else if (/\s/.test(ch)) {
      flushWord();
    } else {
      if (word === '') wordStart = at;
      word += ch;
    }
  }
  flushWord();
  return tokens;
}

/** Plans the syllable timeline of `text`. Trailing pauses are dropped: the line ends when the voice does. */
export function planSpeech(text: string, locale: SpeechLocale): SpeechPlan {
  const tokens = tokenize(text, locale);
  while (tokens.length > 0 && tokens[tokens.length - 1]?.kind === 'pause') tokens.pop();
  const syllables: Syllable[] = [];
  const cues: VisemeCue[] = [];
  let t = 0;
  for (const token of tokens) {
    if (token.kind === 'pause') {
      t += token.ms;
      continue;
    }
    const span = token.count * token.ms;
    let at = t;
    for (const step of token.steps) {
      const ms = step.weight * span;
      cues.push({ startMs: at, endMs: at + ms, viseme: step.viseme });
      at += ms;
    }
    for (let i = 0; i < token.count; i++) {
      syllables.push({
        startMs: t,
        endMs: t + token.ms,
        open: openness(syllables.length + 1),
        charIndex: token.charIndex,
      });
      t += token.ms;
    }
  }
  return { durationMs: Math.max(MIN_DURATION_MS, t), syllables, cues };
}

/** Where in the plan (ms) the word or character at UTF-16 `charIndex` starts, or null past the end. */
export function offsetOfChar(plan: SpeechPlan, charIndex: number): number | null {
  for (const s of plan.syllables) if (s.charIndex >= charIndex) return s.startMs;
  return null;
}

/** The viseme spoken at `tMs`, or 'sil' in a pause or outside the line. Binary search: cues are sorted. */
export function visemeAt(plan: SpeechPlan, tMs: number): Viseme {
  let lo = 0;
  let hi = plan.cues.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const cue = plan.cues[mid]!;
    if (tMs < cue.startMs) hi = mid - 1;
    else if (tMs >= cue.endMs) lo = mid + 1;
    else return cue.viseme;
  }
  return 'sil';
}

/**
 * Jaw opening at `tMs` into the plan. With the engine's audio (plan.loudness) the jaw follows how loud the
 * engine's samples are there, so it rises as a syllable is voiced and falls with it, and the syllable's
 * vowel (from the engine's phonemes) sets how wide: an open a all the way, a close i or u about three
 * quarters (the lip shapes carry the rest of the vowel). Without audio (an estimate): each syllable opens
 * and closes smoothly (a sine arch).
 */
export function jawAt(plan: SpeechPlan, tMs: number): number {
  if (plan.loudness)
    return (0.5 + 0.5 * (syllableNear(plan, tMs)?.open ?? 0)) * loudnessAt(plan.loudness, tMs);
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

/** The syllable at `tMs`, else the nearest one (a consonant belongs to the syllable beside it). */
function syllableNear(plan: SpeechPlan, tMs: number): Syllable | null {
  let best: Syllable | null = null;
  let bestGap = Infinity;
  for (const s of plan.syllables) {
    const gap = tMs < s.startMs ? s.startMs - tMs : Math.max(0, tMs - s.endMs);
    if (gap < bestGap) {
      best = s;
      bestGap = gap;
    }
    if (s.startMs > tMs) break;
  }
  return best;
}

/** Loudness at `tMs`, linearly between frame centres; 0 outside the audio. */
export function loudnessAt(l: Loudness, tMs: number): number {
  const x = tMs / l.frameMs - 0.5;
  if (x < -0.5 || x > l.values.length - 0.5) return 0;
  const i = Math.max(0, Math.min(l.values.length - 1, Math.floor(x)));
  const j = Math.min(l.values.length - 1, i + 1);
  const f = Math.max(0, Math.min(1, x - i));
  return l.values[i]! * (1 - f) + l.values[j]! * f;
}
