import { describe, expect, it } from 'vitest';
import { parseCallDeskSignal } from './call-desk-signal.ts';

const article = {
  id: 'card-pin-reset',
  version: 2,
  locale: 'zh-CN',
  title: '密码重置',
  body: '请到柜台办理。\n\n谢谢。',
};

describe('parseCallDeskSignal', () => {
  it('takes exactly what the hub sends', () => {
    expect(parseCallDeskSignal({ t: 'hold', on: true }, 'en')).toEqual({ t: 'hold', on: true });
    expect(parseCallDeskSignal({ t: 'article', article }, 'zh-CN')).toEqual({ t: 'article', article });
    const moved = { t: 'transferred', queue: 'risk', position: 1, estimatedWaitS: 0 };
    expect(parseCallDeskSignal(moved, 'en')).toEqual(moved);
  });

  it('drops anything else', () => {
    const bad: unknown[] = [
      null,
      'hold',
      { t: 'hold', on: 'yes' },
      { t: 'hold', on: true, extra: 1 },
      { t: 'transferred', queue: 'legal', position: 1, estimatedWaitS: 0 },
      { t: 'transferred', queue: 'risk', position: -1, estimatedWaitS: 0 },
      { t: 'transferred', queue: 'risk', position: 1, estimatedWaitS: Number.NaN },
      { t: 'article', article: { ...article, html: '<b>x</b>' } },
      { t: 'article', article: { ...article, body: 'a\u202Eb' } },
      { t: 'article', article: { ...article, body: 'x'.repeat(4001) } },
      { t: 'article', article: { ...article, title: '' } },
      { t: 'article', article: { ...article, version: 0 } },
      { t: 'article', article },
      { t: 'chat', from: 'agent', text: 'hi' },
    ];
    // The last two: an article in another language than the kiosk's, and a message that is not the desk's.
    for (const m of bad)
      expect(parseCallDeskSignal(m, m === bad.at(-2) ? 'en' : 'zh-CN'), JSON.stringify(m)).toBeNull();
  });
});
