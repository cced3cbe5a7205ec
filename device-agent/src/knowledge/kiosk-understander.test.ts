import { describe, expect, it } from 'vitest';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
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
});
