// Lip-sync from the synthesizer: turns the engine's pieces (each with where its sound starts and ends in
// the audio, and espeak-ng's phoneme mnemonics) into the avatar's speech plan. Syllables are the vowel
// nuclei of the phonemes, laid over the piece's measured sound; visemes come from the phonemes. Pure.
import type { Loudness, SpeechPlan, Syllable, VisemeCue } from '../speech-plan.ts';
import { loudnessOfWav } from './engine-loudness.ts';
import type { Viseme } from './viseme.ts';

/** One spoken piece of a line, as the kiosk's voice engine reports it (times in ms into the audio). */
export interface EnginePiece {
  startMs: number;
  endMs: number;
  soundStartMs: number;
  soundEndMs: number;
  /** The loud stretches of the piece's samples (its syllable nuclei), ms into the line. */
  nuclei?: [number, number][];
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

/**
 * The plan of an engine line. Each piece's phonemes give its shapes; the engine's samples give the times:
 * the vowels sit on the piece's loud stretches (nuclei) and the jaw opens over each of them, the
 * consonants fill the quieter sound before, between and after.
 */
export function planFromEngine(
  line: Pick<EngineLine, 'durationMs' | 'pieces'> & { wav?: ArrayBuffer; loudness?: Loudness | null },
): SpeechPlan {
  const syllables: Syllable[] = [];
  const cues: VisemeCue[] = [];
  for (const p of line.pieces) {
    if (p.soundEndMs <= p.soundStartMs) continue;
    const visemes = phonemeVisemes(p.phonemes);
    const vowelGroups = groupVowels(visemes);
    const nuclei =
      p.nuclei && p.nuclei.length > 0 ? p.nuclei : [[p.soundStartMs, p.soundEndMs] as [number, number]];
    // Consonants before the first vowel group lead into the first nucleus; those after a group follow it.
    let t = p.soundStartMs;
    nuclei.forEach(([a, b], k) => {
      const group = vowelGroups[Math.min(k, vowelGroups.length - 1)] ?? {
        lead: [],
        vowels: ['aa' as Viseme],
        tail: [],
      };
      const lead = k < vowelGroups.length ? group.lead : [];
      if (lead.length > 0 && a > t) spread(cues, lead, t, a);
      const vowels = k < vowelGroups.length ? group.vowels : [group.vowels[group.vowels.length - 1]!];
      spread(cues, vowels, a, b);
      syllables.push({ startMs: a, endMs: b, open: OPEN[vowels[0]!] ?? 0.6, charIndex: p.charIndex });
      t = b;
    });
    const tail = vowelGroups
      .slice(nuclei.length - 1)
      .flatMap((g, i) => (i === 0 ? g.tail : [...g.lead, ...g.tail]));
    if (tail.length > 0 && p.soundEndMs > t) spread(cues, tail, t, p.soundEndMs);
  }
  cues.sort((x, y) => x.startMs - y.startMs);
  const loudness = line.loudness ?? (line.wav ? loudnessOfWav(line.wav) : null);
  return { durationMs: line.durationMs, syllables, cues, ...(loudness ? { loudness } : {}) };
}

interface VowelGroup {
  lead: Viseme[];
  vowels: Viseme[];
  tail: Viseme[];
}

/** Splits a viseme sequence into syllable-like groups: consonants, then a vowel run, then (last) the coda. */
function groupVowels(visemes: Viseme[]): VowelGroup[] {
  const groups: VowelGroup[] = [];
  let lead: Viseme[] = [];
  for (const v of visemes) {
    const last = groups[groups.length - 1];
    if (isVowel(v)) {
      if (last && lead.length === 0 && last.tail.length === 0) last.vowels.push(v);
      else {
        groups.push({ lead, vowels: [v], tail: [] });
        lead = [];
      }
    } else if (last) {
      lead.push(v);
    } else lead.push(v);
  }
  const last = groups[groups.length - 1];
  if (last) last.tail = lead;
  else if (lead.length > 0) groups.push({ lead, vowels: ['aa'], tail: [] });
  return groups;
}

function spread(cues: VisemeCue[], visemes: Viseme[], from: number, to: number): void {
  const step = (to - from) / visemes.length;
  visemes.forEach((v, i) => cues.push({ startMs: from + i * step, endMs: from + (i + 1) * step, viseme: v }));
}

/** How many characters of the line have been said by `tMs`: through the last piece started by then. */
export function saidChars(pieces: readonly Pick<EnginePiece, 'startMs' | 'charEnd'>[], tMs: number): number {
  let end = 0;
  for (const p of pieces) if (p.startMs <= tMs) end = Math.max(end, p.charEnd);
  return end;
}

/** The caption up to `tMs`: the text through the last piece that has started by then. */
export function spokenUpTo(text: string, line: Pick<EngineLine, 'pieces'>, tMs: number): string {
  return text.slice(0, saidChars(line.pieces, tMs));
}
