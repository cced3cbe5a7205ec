// The Chinese word segmenter the understanding core needs, as an interface so the core stays pure
// (the real one, jieba, is a native module loaded by jieba-segmenter.ts).

export interface Segmenter {
  /** Words of a run of Chinese text, in order. */
  cut(text: string): string[];
}
