import { describe, expect, it } from 'vitest';
import { WordDictionary } from './word-dictionary.ts';

const parse = (text: string) => WordDictionary.parse(Buffer.from(text, 'utf8'));
const probe = (d: WordDictionary, piece: string) => d.probe(piece, 0, piece.length);

describe('WordDictionary', () => {
  const d = parse('AA制 3 n\n银 100 n\n银行 5000 n\n银行卡 800 n\n\n龢 2 x\n𠀋字 7\n');

  it('knows each word, its frequency and the total', () => {
    expect(d.size).toBe(6);
    expect(d.total).toBe(3 + 100 + 5000 + 800 + 2 + 7);
    expect(probe(d, '银行卡')).toBe(800);
    expect(probe(d, 'AA制')).toBe(3);
    // A character outside the BMP, as its surrogate pair.
    expect(probe(d, '𠀋字')).toBe(7);
  });

  it('tells a mere beginning of words (0) from a piece no word starts with (-1)', () => {
    expect(probe(d, 'AA')).toBe(0);
    expect(probe(d, '𠀋')).toBe(0);
    expect(probe(d, '银行卡号')).toBe(-1);
    expect(probe(d, '卡')).toBe(-1);
    expect(probe(d, '')).toBe(0);
  });

  it('looks up a slice of a longer text in place', () => {
    const text = '我的银行卡丢了';
    expect(d.probe(text, 2, 4)).toBe(5000);
    expect(d.probe(text, 2, 5)).toBe(800);
    expect(d.probe(text, 0, 1)).toBe(-1);
  });

  it('refuses lines out of order, repeated or without a frequency, naming the line', () => {
    expect(() => parse('银行 5\n银 3\n')).toThrow(/line 2: out of order or repeated \("银 3"\)/);
    expect(() => parse('银 5\n银 3\n')).toThrow(/line 2: out of order or repeated/);
    expect(() => parse('银 5\n行 x\n')).toThrow(/line 2: expected "word frequency \[tag\]" \("行 x"\)/);
    expect(() => parse('银\n')).toThrow(/line 1: expected/);
  });
});
