// English lip-sync: a letter-to-phoneme approximation, good enough for the mouth (not for a dictionary).
// Letter groups first (th, ee, oo, ow, ar, a_e ...), then single letters; a silent final e is dropped,
// doubled consonants count once. Vowels get twice a consonant's time.
import { type Viseme, type VisemeStep, isVowel } from './viseme.ts';

/** Multi-letter groups, longest first where they overlap. */
const GROUPS: [string, Viseme[]][] = [
  ['tion', ['ss', 'ih', 'ss']],
  ['igh', ['aa', 'ee']],
  ['ough', ['oh']],
  ['th', ['ss']],
  ['sh', ['ss']],
  ['ch', ['ss']],
  ['ph', ['ff']],
  ['wh', ['ou']],
  ['ck', ['kk']],
  ['ng', ['kk']],
  ['qu', ['kk', 'ou']],
  ['ee', ['ee']],
  ['ea', ['ee']],
  ['ie', ['ee']],
  ['ey', ['ee']],
  ['oo', ['ou']],
  ['ou', ['aa', 'ou']],
  ['ow', ['oh', 'ou']],
  ['ew', ['ou']],
  ['ue', ['ou']],
  ['oa', ['oh']],
  ['oe', ['oh']],
  ['ai', ['ee', 'ih']],
  ['ay', ['ee', 'ih']],
  ['ei', ['ee', 'ih']],
  ['au', ['oh']],
  ['aw', ['oh']],
  ['oi', ['oh', 'ee']],
  ['oy', ['oh', 'ee']],
  ['ar', ['aa']],
  ['or', ['oh']],
  ['er', ['ih']],
  ['ir', ['ih']],
  ['ur', ['ih']],
];

const LETTERS: Record<string, Viseme> = {
  a: 'aa',
  e: 'ih',
  i: 'ih',
  o: 'oh',
  u: 'ou',
  y: 'ee',
  b: 'pp',
  m: 'pp',
  p: 'pp',
  f: 'ff',
  v: 'ff',
  w: 'ou',
  r: 'ou',
  c: 'kk',
  g: 'kk',
  k: 'kk',
  q: 'kk',
  h: 'kk',
  x: 'kk',
  d: 'ss',
  j: 'ss',
  l: 'ss',
  n: 'ss',
  s: 'ss',
  t: 'ss',
  z: 'ss',
};

/** A "magic e" (vowel, one consonant, final e) makes the vowel long: make, time, home, use. */
const LONG_VOWEL: Record<string, Viseme[]> = {
  a: ['ee', 'ih'],
  i: ['aa', 'ee'],
  o: ['oh', 'ou'],
  u: ['ou'],
  e: ['ee'],
};

/** Common words whose final e is silent but whose vowel stays short. */
const SHORT_BEFORE_SILENT_E = new Set([
  'have',
  'give',
  'live',
  'love',
  'come',
  'some',
  'done',
  'none',
  'gone',
  'are',
  'were',
  'one',
]);

const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** The viseme sequence of one English word (letters and digits; anything else is ignored). */
export function englishWordVisemes(word: string): Viseme[] {
  let w = word.toLowerCase().replace(/[^a-z0-9]/g, '');
  w = w.replace(/\d/g, (d) => DIGIT_WORDS[Number(d)]!);
  const magic = SHORT_BEFORE_SILENT_E.has(w) ? null : /^(.*)([aeiou])([^aeiouwy])e$/.exec(w);
  const out: Viseme[] = [];
  let i = 0;
  const end = magic && w.length > 3 ? w.length - 1 : w.length;
  while (i < end) {
    if (magic && w.length > 3 && i === magic[1]!.length) {
      out.push(...LONG_VOWEL[magic[2]!]!);
      i++;
      continue;
    }
    const group = GROUPS.find(([g]) => w.startsWith(g, i) && i + g.length <= end);
    if (group) {
      out.push(...group[1]);
      i += group[0].length;
      continue;
    }
    const ch = w[i]!;
    // Silent final e after a consonant (have, little), and y as a consonant at the start (yes).
    // Only when another vowel came before: "the", "be", "we" say their e.
    const silentE = ch === 'e' && i === end - 1 && out.some(isVowel) && !isVowel(out[out.length - 1]!);
    const v = LETTERS[ch];
    if (v && !silentE && !(ch === 'y' && i === 0 && w.length > 1)) out.push(v);
    i++;
  }
  // Doubled consonant shapes (ll, ss, pp) are one articulation.
  return out.filter((v, k) => k === 0 || isVowel(v) || v !== out[k - 1]);
}

/** The word's visemes with time shares: a vowel twice as long as a consonant, shares summing to 1. */
export function englishWordSteps(word: string): VisemeStep[] {
  const visemes = englishWordVisemes(word);
  const total = visemes.reduce((s, v) => s + (isVowel(v) ? 2 : 1), 0);
  return visemes.map((viseme) => ({ viseme, weight: (isVowel(viseme) ? 2 : 1) / total }));
}
