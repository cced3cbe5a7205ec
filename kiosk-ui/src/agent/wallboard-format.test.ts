import { describe, expect, it } from 'vitest';
import { percent, seconds } from './wallboard-format.ts';
import { EXPORT_STRINGS, QUALITY_STRINGS, WALLBOARD_STRINGS, say } from './supervisor-strings.ts';

describe('wallboard figures', () => {
  it('writes shares as percents and times in seconds, and says when there is none', () => {
    expect(percent(2 / 3, '–')).toBe('66.7 %');
    expect(percent(0, '–')).toBe('0.0 %');
    expect(percent(null, '–')).toBe('–');
    expect(seconds(89.6)).toBe('90 s');
  });
});

describe('supervisor strings', () => {
  it('has every key in both locales with the same placeholders', () => {
    const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const table of [WALLBOARD_STRINGS, QUALITY_STRINGS, EXPORT_STRINGS]) {
      const en = table.en as Record<string, string>;
      const zh = table['zh-CN'] as Record<string, string>;
      expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(holes(zh[key] ?? '')).toEqual(holes(en[key] ?? ''));
        expect(zh[key]).not.toBe('');
      }
    }
    expect(say(EXPORT_STRINGS, 'zh-CN', 'supervisor.export.done', { file: 'a.csv' })).toBe('已下载 a.csv');
  });
});
