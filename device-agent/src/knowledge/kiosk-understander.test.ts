import { describe, expect, it } from 'vitest';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { KB_SETTINGS } from '../kb/kb-settings.ts';
import { createKioskUnderstander } from './kiosk-understander.ts';

describe('kiosk understander', () => {
  const u = createKioskUnderstander(DEFAULT_ARTICLES);

  it('understands paraphrases the old ranker missed, in both languages', () => {
    expect(u.understand('取款机把我的卡吞了', 'zh-CN')).toMatchObject({
      decision: 'answer',
      intent: 'atm-card-retained',
    });
    expect(u.understand('The cash machine swallowed my card', 'en')).toMatchObject({
      decision: 'answer',
      intent: 'atm-card-retained',
    });
    expect(u.understand('你们几点关门', 'zh-CN').intent).toBe('branch-opening-hours');
  });

  it('declines what the kiosk does not cover, and unknown locales', () => {
    expect(u.understand('推荐一部好看的电影', 'zh-CN').decision).toBe('none');
    expect(u.understand('lost card', 'fr').decision).toBe('none');
    expect(u.understand('???', 'en').decision).toBe('none');
  });

  it('applies the floor of one locale to that locale only', () => {
    const q = '卡丢了怎么挂失';
    const { confidence, decision } = u.understand(q, 'zh-CN');
    expect(decision).toBe('answer');
    const above = confidence + 0.01;
    expect(u.understandWith(q, 'zh-CN', { ...KB_SETTINGS, localeFloor: { 'zh-CN': above } }).decision).toBe(
      'none',
    );
    expect(u.understandWith(q, 'zh-CN', { ...KB_SETTINGS, localeFloor: { en: above } }).decision).toBe(
      'answer',
    );
  });

  it('answers long polite questions full of words it never saw', () => {
    expect(u.understand('你好请问一下我儿子在国外读书我想给他汇学费要怎么办', 'zh-CN')).toMatchObject({
      decision: 'answer',
      intent: 'international-remittance',
    });
    expect(u.understand('麻烦问一下我的银行卡丢了现在该怎么办', 'zh-CN').intent).toBe('card-lost-stolen');
  });
});
