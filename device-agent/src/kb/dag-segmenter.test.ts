import { describe, expect, it } from 'vitest';
import { createDagSegmenter, TAUGHT_WORD_FREQ } from './dag-segmenter.ts';
import { WordDictionary } from './word-dictionary.ts';

// A small dictionary in jieba's format, sorted by code unit.
const DICT = WordDictionary.parse(
  Buffer.from(
    [
      '了 50000',
      '亲 200',
      '人 40000',
      '吞 300',
      '卡 9000',
      '国 3000',
      '我 60000',
      '的 90000',
      '被 20000',
      '银 800',
      '银行 20000',
      '银行卡 3000',
      '行 10000',
      '行卡 5',
    ]
      .sort()
      .join('\n'),
  ),
);

describe('createDagSegmenter', () => {
  it('takes the most probable words: one frequent word over two rarer ones', () => {
    expect(createDagSegmenter(DICT).cut('我的银行卡被吞了')).toEqual([
      '我',
      '的',
      '银行卡',
      '被',
      '吞',
      '了',
    ]);
  });

  it('leaves characters no word covers on their own, and keeps Latin letters and digits together', () => {
    expect(createDagSegmenter(DICT).cut('国民ATM卡2号')).toEqual(['国', '民', 'ATM', '卡', '2', '号']);
  });

  it('uses the words it is taught, at their own frequency, without changing the dictionary', () => {
    const taught = createDagSegmenter(DICT, ['吞卡']);
    expect(taught.cut('银行卡被吞卡了')).toEqual(['银行卡', '被', '吞卡', '了']);
    expect(createDagSegmenter(DICT).cut('被吞卡了')).toEqual(['被', '吞', '卡', '了']);
    expect(TAUGHT_WORD_FREQ).toBe(2000);
  });

  it('cuts an empty text into nothing', () => {
    expect(createDagSegmenter(DICT).cut('')).toEqual([]);
  });
});
