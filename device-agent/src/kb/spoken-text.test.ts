import { describe, expect, it } from 'vitest';
import { spokenSentences } from './spoken-text.ts';

describe('spokenSentences', () => {
  it('keeps at most two sentences in either language, decimals and times intact', () => {
    expect(spokenSentences('Open 9:00-17:00. Closed Sundays. Holidays vary.')).toBe(
      'Open 9:00-17:00. Closed Sundays.',
    );
    expect(spokenSentences('利率 1.5% 起。请带证件。详情见公告。')).toBe('利率 1.5% 起。请带证件。');
    expect(spokenSentences('No full stop at all')).toBe('No full stop at all');
  });
});
