// The mouth shapes lip-sync uses and the morph weights each one sets. The five vowels are VRM-style; the
// consonant classes are what a viewer can see of a consonant: closed lips (p b m), lip on teeth (f v),
// teeth near together (s t d n l ...), an open back (k g h).
import type { MorphName } from '../geometry/face-layout.ts';

export const VISEMES = ['aa', 'ih', 'ou', 'ee', 'oh', 'pp', 'ff', 'ss', 'kk', 'sil'] as const;
export type Viseme = (typeof VISEMES)[number];

export const VOWEL_VISEMES: readonly Viseme[] = ['aa', 'ih', 'ou', 'ee', 'oh'];

/** Morph weights of each viseme at full strength. */
export const VISEME_MORPHS: Record<Viseme, Partial<Record<MorphName, number>>> = {
  aa: { aa: 1, jawOpen: 0.35 },
  ih: { ih: 1, jawOpen: 0.12 },
  ou: { ou: 1, jawOpen: 0.06 },
  ee: { ee: 1, jawOpen: 0.08 },
  oh: { oh: 1, jawOpen: 0.22 },
  pp: { mouthPress: 1 },
  ff: { mouthPress: 0.45, ih: 0.35 },
  ss: { ih: 0.45, ee: 0.35 },
  kk: { aa: 0.3, jawOpen: 0.18 },
  sil: {},
};

/** A viseme held over part of a word, in the order spoken. Weight is its share of the word's time. */
export interface VisemeStep {
  viseme: Viseme;
  weight: number;
}

export function isVowel(v: Viseme): boolean {
  return VOWEL_VISEMES.includes(v);
}
