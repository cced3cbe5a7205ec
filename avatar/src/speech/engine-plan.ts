// Lip-sync from the synthesizer: turns the engine's pieces (each with where its sound starts and ends in
// the audio, and espeak-ng's phoneme mnemonics) into the avatar's speech plan. Syllables are the vowel
// nuclei of the phonemes, laid over the piece's measured sound; visemes come from the phonemes. Pure.
import type { SpeechPlan, Syllable, VisemeCue } from '../speech-plan.ts';
import type { Viseme } from './viseme.ts';

/** One spoken piece of a line, as the kiosk's voice engine reports it (times in ms into the audio). */
export interface EnginePiece {
  startMs: number;
  endMs: number;
  soundStartMs: number;
  soundEndMs: number;
  charIndex: number;
  charEnd: number;
  phonemes: string;
}

/** A line the engine said: its timing and its audio (a WAV). */
export interface EngineLine {
  durationMs: number;
  pieces: EnginePiece[];
  wav: ArrayBuffer;
}

/** How wide the jaw opens on a syllable whose nucleus is this viseme. */
const OPEN: Partial<Record<Viseme, number>> = { aa: 1, oh: 0.8, ih: 0.6, ee: 0.5, ou: 0.45 };

/**
 * espeak-ng phoneme mnemonics -> visemes, one per phoneme letter. Vowels by their mouth shape; consonants
 * by what shows: closed lips, lip on teeth, an open back, else teeth. Stress, tone digits, length marks and
 * separators carry no shape.
 */
export function phonemeVisemes(phonemes: string): Viseme[] {
  const out: Viseme[] = [];
  for (const ch of phonemes) {
    let v: Viseme | null = null;
    if ('aAV&@3'.includes(ch)) v = 'aa';
    else if ('oO0'.includes(ch)) v = 'oh';
    else if ('uUwy'.includes(ch)) v = 'ou';
    else if ('iIj'.includes(ch)) v = 'ee';
    else if ('eE'.includes(ch)) v = 'ih';
    else if ('pbm'.includes(ch)) v = 'pp';
    else if ('fv'.includes(ch)) v = 'ff';
    else if ('kgxXhNG'.includes(ch)) v = 'kk';
    else if ('tdnlszSZTDrcJ'.includes(ch)) v = 'ss';
    if (v && out[out.length - 1] !== v) out.push(v);
  }
  return out;
}

const isVowel = (v: Viseme): boolean => v in OPEN;

/** The plan of an engine line: syllables and cues inside each piece's measured sound. */
export function planFromEngine(line: Pick<EngineLine, 'durationMs' | 'pieces'>): SpeechPlan {
  const syllables: Syllable[] = [];
  const cues: VisemeCue[] = [];
  for (const p of line.pieces) {
    const span = p.soundEndMs - p.soundStartMs;
    if (span <= 0) continue;
    const visemes = phonemeVisemes(p.phonemes);
    if (visemes.length === 0) visemes.push('aa');
    // Vowels hold longer than consonants: weight 2 against 1.
    const weights = visemes.map((v) => (isVowel(v) ? 2 : 1));
    const total = weights.reduce((a, b) => a + b, 0);
    let t = p.soundStartMs;
    // A syllable runs from the end of the previous vowel to the end of its own; the last takes the rest.
    let sylStart = p.soundStartMs;
    const nuclei: { viseme: Viseme; end: number }[] = [];
    visemes.forEach((v, i) => {
      const ms = (weights[i]! / total) * span;
      cues.push({ startMs: t, endMs: t + ms, viseme: v });
      t += ms;
      if (isVowel(v) && (i === 0 || !isVowel(visemes[i - 1]!))) nuclei.push({ viseme: v, end: t });
      else if (isVowel(v)) nuclei[nuclei.length - 1]!.end = t;
    });
    if (nuclei.length === 0) nuclei.push({ viseme: 'aa', end: p.soundEndMs });
    nuclei[nuclei.length - 1]!.end = p.soundEndMs;
    for (const n of nuclei) {
      syllables.push({ startMs: sylStart, endMs: n.end, open: OPEN[n.viseme] ?? 0.6, charIndex: p.charIndex });
      sylStart = n.end;
    }
  }
  return { durationMs: line.durationMs, syllables, cues };
}

/** The caption up to `tMs`: the text through the last piece that has started by then. */
export function spokenUpTo(text: string, line: Pick<EngineLine, 'pieces'>, tMs: number): string {
  let end = 0;
  for (const p of line.pieces) if (p.startMs <= tMs) end = p.charEnd;
  return text.slice(0, end);
}
