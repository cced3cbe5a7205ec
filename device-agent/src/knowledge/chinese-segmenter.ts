// The kiosk's Chinese segmenter: jieba's dictionary (from the @node-rs/jieba package, MIT: only its
// dict.txt is read, its native module is never loaded) in a packed WordDictionary, cut by jieba's method
// without the HMM (dag-segmenter.ts), plus the knowledge base's own words (titles' terms and synonyms)
// so 吞卡 or 积存金 stay one word. The native jieba held its own copy of the dictionary: about 35 MB of
// the agent's resident memory, against 5 MB here, with the same answers on the dev split.
import { createRequire } from 'node:module';
import { createDagSegmenter } from '../kb/dag-segmenter.ts';
import type { Segmenter } from '../kb/segmenter.ts';
import { WordDictionary } from '../kb/word-dictionary.ts';
import { fileLines } from './file-lines.ts';

// Resolved through the package (not this file's URL): the agent also runs as one bundled file.
const DICTIONARY_FILE = '@node-rs/jieba/dict.txt';

let shared: WordDictionary | undefined;

function dictionary(): WordDictionary {
  if (shared === undefined) {
    const path = createRequire(import.meta.url).resolve(DICTIONARY_FILE);
    shared = WordDictionary.parseLines(() => fileLines(path));
  }
  return shared;
}

/**
 * Loads the dictionary now (about 0.1 s in one go): the agent does it at start, before the arm's link (and
 * its heartbeat) exists, not on a customer's first question.
 */
export function loadSegmenterDictionary(): void {
  dictionary();
}

/** A segmenter that also knows `extraWords` (Chinese words of 2 to 8 characters; others are ignored). */
export function createChineseSegmenter(extraWords: Iterable<string> = []): Segmenter {
  const words = [...extraWords].filter((w) => /^[\u3400-\u9fff]{2,8}$/.test(w));
  return createDagSegmenter(dictionary(), words);
}
