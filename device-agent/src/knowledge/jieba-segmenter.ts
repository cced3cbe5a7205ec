// The kiosk's Chinese segmenter: jieba (Rust, MIT) with its bundled dictionary plus the knowledge
// base's own words (titles' terms and synonyms), so 吞卡 or 积存金 stay one word.
import { Jieba } from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Segmenter } from '../kb/segmenter.ts';

let shared: Jieba | undefined;

/**
 * The dictionary is read here, not through the package's `dict.js`: that module keeps dict.txt and
 * idf.txt (keyword weights, unused here) in memory for the life of the process, 11 MB the agent never
 * reads again once jieba has built its own copy.
 */
function jieba(): Jieba {
  shared ??= Jieba.withDict(readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt')));
  return shared;
}

/**
 * Loads jieba's dictionary now (about 200 ms, one native call that cannot be sliced): the agent does it
 * at start, before the arm's link (and its heartbeat) exists, not on a customer's first question.
 */
export function loadSegmenterDictionary(): void {
  jieba();
}

/** A segmenter that also knows `extraWords` (added once to the shared dictionary). */
export function createJiebaSegmenter(extraWords: Iterable<string> = []): Segmenter {
  const j = jieba();
  const lines = [...new Set(extraWords)]
    .filter((w) => /^[\u3400-\u9fff]{2,8}$/.test(w))
    .map((w) => `${w} 2000`);
  if (lines.length > 0) j.loadDict(new TextEncoder().encode(lines.join('\n')));
  return { cut: (text) => j.cut(text, true) };
}
