import { describe, expect, it } from 'vitest';
import { effectiveDate, shortSpeech } from './speech-text.ts';

describe('shortSpeech', () => {
  it('keeps the first sentence', () => {
    expect(shortSpeech('We open at 9. On Saturdays at 10.', 'en')).toBe('We open at 9.');
    expect(shortSpeech('营业时间为九点。周六十点开门。', 'zh-CN')).toBe('营业时间为九点。');
  });

  it('does not split inside a decimal number', () => {
    expect(shortSpeech('The rate is 1.5 percent. More text.', 'en')).toBe('The rate is 1.5 percent.');
  });

  it('shortens long sentences at a word boundary', () => {
    const long = 'Please bring your passport and your bank card and proof of address '.repeat(4);
    const s = shortSpeech(long, 'en', 60);
    expect(s.endsWith('…')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(61);
    expect(s).not.toMatch(/ …$/);
    expect(shortSpeech('一'.repeat(200), 'zh-CN', 50)).toBe(`${'一'.repeat(50)}…`);
  });
});

describe('effectiveDate', () => {
  it('formats ISO dates and timestamps as YYYY-MM-DD', () => {
    expect(effectiveDate('2026-03-01')).toBe('2026-03-01');
    expect(effectiveDate('2026-03-01T00:00:00.000Z')).toBe('2026-03-01');
    expect(effectiveDate(undefined)).toBe('');
    expect(effectiveDate('soon')).toBe('');
  });
});
