// The kiosk's Chinese segmenter: jieba (Rust, MIT) with its bundled dictionary plus the knowledge
// base's own words (titles' terms and synonyms), so 吞卡 or 积存金 stay one word.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import type { Segmenter } from '../kb/segmenter.ts';

let shared: Jieba | undefined;

function jieba(): Jieba {
  shared ??= Jieba.withDict(dict);
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
