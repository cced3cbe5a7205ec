// The Chinese word segmenter the understanding core needs, as an interface so the core stays pure
// (the kiosk's reads jieba's dictionary file: knowledge/chinese-segmenter.ts).

export interface Segmenter {
  /** Words of a run of Chinese text, in order. */
  cut(text: string): string[];
}
