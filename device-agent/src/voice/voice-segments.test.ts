import { describe, expect, it } from 'vitest';
import { segmentLine } from './voice-segments.ts';

describe('segmentLine', () => {
  it('gives each Han character its toned pinyin, read in context, with its place in the text', () => {
    const s = segmentLine('您好，中国银行。', 'zh-CN');
    expect(s.map((x) => (x.kind === 'say' ? x.input : `pause${x.ms}`))).toEqual([
      'nin2',
      'hao3',
      'pause160',
      'zhong1',
      'guo2',
      'yin2',
      'hang2',
    ]);
    expect(s[3]).toMatchObject({ charIndex: 3, charEnd: 4 });
  });

  it('writes the neutral tone as 5 and ü as v, as espeak-ng pinyin wants', () => {
    const s = segmentLine('绿色的', 'zh-CN');
    expect(s.map((x) => (x.kind === 'say' ? x.input : ''))).toEqual(['lv4', 'se4', 'de5']);
  });

  it('keeps English words whole, turns punctuation into pauses and drops anything else', () => {
    const s = segmentLine('Hello, -v en <b>ATM</b>!', 'en');
    expect(s.map((x) => (x.kind === 'say' ? x.input : `pause${x.ms}`))).toEqual([
      'Hello',
      'pause160',
      '-v',
      'en',
      'b',
      'ATM',
      'b',
    ]);
  });
});
