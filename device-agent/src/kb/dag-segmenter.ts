// Chinese words by jieba's method without its HMM: every dictionary word that starts at each character
// (the DAG), then the path through the text whose words are most probable together (dynamic programming
// from the end, a word's probability its frequency over the total). Characters no word covers stand
// alone; runs of single Latin letters and digits are kept together. Pure.
import type { Segmenter } from './segmenter.ts';
import type { WordDictionary } from './word-dictionary.ts';

/** Frequency of the words a segmenter is taught beyond its dictionary (jieba's add_word default). */
export const TAUGHT_WORD_FREQ = 2000;

const LATIN_OR_DIGIT = /^[a-zA-Z0-9]$/;

export function createDagSegmenter(
  dictionary: WordDictionary,
  taughtWords: Iterable<string> = [],
): Segmenter {
  const taught = new Map<string, number>();
  const taughtPrefixes = new Set<string>();
  for (const w of taughtWords) {
    if (w.length === 0 || taught.has(w)) continue;
    taught.set(w, TAUGHT_WORD_FREQ);
    for (let i = 1; i < w.length; i++) taughtPrefixes.add(w.slice(0, i));
  }
  const logTotal = Math.log(dictionary.total + TAUGHT_WORD_FREQ * taught.size);

  /** text[from..to): -1 when no word starts so, else its frequency (0 for a mere beginning). */
  const probe = (text: string, from: number, to: number): number => {
    const fromDictionary = dictionary.probe(text, from, to);
    if (taught.size === 0) return fromDictionary;
    const piece = text.slice(from, to);
    const own = taught.get(piece);
    if (own !== undefined) return own;
    return fromDictionary === -1 && taughtPrefixes.has(piece) ? 0 : fromDictionary;
  };

  return {
    cut(text) {
      const n = text.length;
      // best[i]: log probability of the best words for text[i..n); next[i]: where its first word ends.
      const best = new Float64Array(n + 1);
      const next = new Int32Array(n + 1);
      for (let i = n - 1; i >= 0; i--) {
        best[i] = -Infinity;
        let any = false;
        for (let end = i + 1; end <= n; end++) {
          const freq = probe(text, i, end);
          if (freq === -1) break;
          if (freq === 0) continue;
          any = true;
          const score = Math.log(freq) - logTotal + (best[end] as number);
          // On a tie jieba takes the longer word.
          if (score >= (best[i] as number)) [best[i], next[i]] = [score, end];
        }
        if (!any) [best[i], next[i]] = [-logTotal + (best[i + 1] as number), i + 1];
      }
      const words: string[] = [];
      let latin = '';
      for (let i = 0; i < n; i = next[i] as number) {
        const word = text.slice(i, next[i]);
        if (LATIN_OR_DIGIT.test(word)) {
          latin += word;
          continue;
        }
        if (latin !== '') words.push(latin);
        latin = '';
        words.push(word);
      }
      if (latin !== '') words.push(latin);
      return words;
    },
  };
}
