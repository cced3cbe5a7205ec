import { describe, expect, it } from 'vitest';
import { pickVoice } from './browser-voice.ts';

describe('pickVoice', () => {
  const voices = [
    { name: 'en-GB remote', lang: 'en-GB', localService: false },
    { name: 'en-US', lang: 'en-US', localService: true },
    { name: 'zh-TW', lang: 'zh_TW', localService: true },
    { name: 'zh-CN', lang: 'zh-CN', localService: true },
  ];

  it('prefers the exact locale, then the same language, then a local voice', () => {
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('zh-CN');
    expect(pickVoice(voices, 'en')?.name).toBe('en-US');
    expect(pickVoice(voices.slice(2, 3), 'zh-CN')?.name).toBe('zh-TW');
  });

  it('finds nothing when no voice speaks the language', () => {
    expect(pickVoice(voices.slice(0, 2), 'zh-CN')).toBeUndefined();
    expect(pickVoice([], 'en')).toBeUndefined();
  });
});
