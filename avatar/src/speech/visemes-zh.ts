// Chinese lip-sync: each Han character -> its pinyin (pinyin-pro, which reads polyphones from their
// context: 银行 hang, 行走 xing) -> the initial's consonant class and the final's vowel shapes (ai = aa then
// ee, uo = ou then oh ...). Tones do not change the mouth.
import { pinyin } from 'pinyin-pro';
import { VOWEL_VISEMES, type Viseme, type VisemeStep } from './viseme.ts';

const INITIALS: [string, Viseme][] = [
  ['zh', 'ss'],
  ['ch', 'ss'],
  ['sh', 'ss'],
  ['b', 'pp'],
  ['p', 'pp'],
  ['m', 'pp'],
  ['f', 'ff'],
  ['d', 'ss'],
  ['t', 'ss'],
  ['n', 'ss'],
  ['l', 'ss'],
  ['g', 'kk'],
  ['k', 'kk'],
  ['h', 'kk'],
  ['j', 'ss'],
  ['q', 'ss'],
  ['x', 'ss'],
  ['r', 'ss'],
  ['z', 'ss'],
  ['c', 'ss'],
  ['s', 'ss'],
];

/** Finals (after y/w are rewritten as i/u/ü) to vowel shapes. Nasal codas barely show, so they are dropped. */
const FINALS: Record<string, Viseme[]> = {
  a: ['aa'],
  o: ['oh'],
  e: ['ih'],
  i: ['ee'],
  u: ['ou'],
  v: ['ou'],
  ai: ['aa', 'ee'],
  ei: ['ih', 'ee'],
  ao: ['aa', 'ou'],
  ou: ['oh', 'ou'],
  an: ['aa'],
  en: ['ih'],
  ang: ['aa'],
  eng: ['ih'],
  ong: ['ou'],
  er: ['ih'],
  ia: ['ee', 'aa'],
  ie: ['ee', 'ih'],
  iao: ['ee', 'aa', 'ou'],
  iu: ['ee', 'ou'],
  iou: ['ee', 'oh', 'ou'],
  ian: ['ee', 'ih'],
  in: ['ee'],
  iang: ['ee', 'aa'],
  ing: ['ee'],
  iong: ['ee', 'ou'],
  ua: ['ou', 'aa'],
  uo: ['ou', 'oh'],
  uai: ['ou', 'aa', 'ee'],
  ui: ['ou', 'ee'],
  uei: ['ou', 'ih', 'ee'],
  uan: ['ou', 'aa'],
  un: ['ou', 'ih'],
  uen: ['ou', 'ih'],
  uang: ['ou', 'aa'],
  ueng: ['ou', 'ih'],
  ve: ['ou', 'ee'],
  van: ['ou', 'ih'],
  vn: ['ou', 'ee'],
};

/** Digits read aloud in Chinese. */
const DIGITS = ['ling', 'yi', 'er', 'san', 'si', 'wu', 'liu', 'qi', 'ba', 'jiu'];

/** Splits a tone-less syllable into its initial's class and its final, with y/w and j/q/x + u handled. */
function splitSyllable(syllable: string): { initial: Viseme | null; final: string } {
  let s = syllable.toLowerCase().replace('ü', 'v');
  if (s.startsWith('y'))
    s = s.startsWith('yu') ? `v${s.slice(2)}` : s.startsWith('yi') ? s.slice(1) : `i${s.slice(1)}`;
  else if (s.startsWith('w')) s = s.startsWith('wu') ? s.slice(1) : `u${s.slice(1)}`;
  for (const [prefix, viseme] of INITIALS) {
    if (!s.startsWith(prefix)) continue;
    let final = s.slice(prefix.length);
    if ('jqx'.includes(prefix) && final.startsWith('u')) final = `v${final.slice(1)}`;
    if (final === 'ue') final = 've';
    // The "buzzed" i after z c s zh ch sh r is not a spread ee but a relaxed ih.
    if (final === 'i' && /^(zh|ch|sh|r|z|c|s)$/.test(prefix)) return { initial: viseme, final: 'apical' };
    return { initial: viseme, final };
  }
  return { initial: null, final: s };
}

/** Visemes of one pinyin syllable: the initial (a quarter of the time) and the final's vowels. */
export function pinyinVisemes(syllable: string): VisemeStep[] {
  const { initial, final } = splitSyllable(syllable);
  const vowels: Viseme[] = final === 'apical' ? ['ih'] : (FINALS[final] ?? fallbackVowels(final));
  const steps: VisemeStep[] = [];
  if (initial) steps.push({ viseme: initial, weight: 0.25 });
  const share = (initial ? 0.75 : 1) / vowels.length;
  for (const v of vowels) steps.push({ viseme: v, weight: share });
  return steps;
}

/** A final not in the table (a typo or rare spelling): its vowel letters, each as its own shape. */
function fallbackVowels(final: string): Viseme[] {
  const map: Record<string, Viseme> = { a: 'aa', o: 'oh', e: 'ih', i: 'ee', u: 'ou', v: 'ou' };
  const out = [...final].flatMap((c) => (map[c] ? [map[c]] : []));
  return out.length > 0 ? out : ['ih'];
}

/** Tone-less pinyin of each code point of `text` (undefined where it is not a Han character pinyin-pro knows). */
export function pinyinOfText(text: string): (string | undefined)[] {
  return pinyin(text, { toneType: 'none', type: 'all', v: true }).map((r) =>
    r.isZh && r.pinyin !== '' ? r.pinyin : undefined,
  );
}

/**
 * Visemes of one character spoken in Chinese: a Han character through its pinyin (`reading`, read in
 * context by pinyinOfText; the character alone when absent), a digit as its Chinese reading. A character
 * without a reading still moves the mouth, with a consonant and a vowel picked from its code point, so the
 * same character always looks the same.
 */
export function chineseCharVisemes(ch: string, reading?: string): VisemeStep[] {
  if (/^\d$/.test(ch)) return pinyinVisemes(DIGITS[Number(ch)]!);
  const py = reading ?? pinyinOfText(ch)[0];
  if (py) return pinyinVisemes(py);
  const code = ch.codePointAt(0) ?? 0;
  const vowel = VOWEL_VISEMES[code % VOWEL_VISEMES.length]!;
  return [
    { viseme: 'ss', weight: 0.25 },
    { viseme: vowel, weight: 0.75 },
  ];
}
