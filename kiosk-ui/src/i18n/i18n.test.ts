import { describe, expect, it } from 'vitest';
import { messages, placeholders, t } from './index.ts';

describe('i18n', () => {
  const keys = Object.keys(messages.en).sort();

  it('has every key in both languages, each non-empty', () => {
    expect(Object.keys(messages['zh-CN']).sort()).toEqual(keys);
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const key of keys)
        expect(messages[locale][key as keyof typeof messages.en].trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of keys) {
      const k = key as keyof typeof messages.en;
      expect(placeholders(messages['zh-CN'][k]), key).toEqual(placeholders(messages.en[k]));
    }
  });

  it('really translates the customer-facing strings', () => {
    for (const key of keys.filter((k) =>
      /^(attract|card|ask|service|services|connection|progress|risk|handoff|wrapup|idle|camera|overlay)\./.test(
        k,
      ),
    )) {
      const k = key as keyof typeof messages.en;
      expect(messages['zh-CN'][k], key).not.toBe(messages.en[k]);
    }
  });

  it('really translates the staff consoles (agent, supervisor, technician)', () => {
    // A language's own name is written in that language in both tables.
    const same = new Set(['lang.en', 'lang.zh-CN']);
    const consoleKeys = keys.filter(
      (k) => /^(agent|audit|kb|desk|account|tech|lang)\./.test(k) && !same.has(k),
    );
    expect(consoleKeys.length).toBeGreaterThan(200);
    for (const key of consoleKeys) {
      const k = key as keyof typeof messages.en;
      // Only a placeholder-only or symbol-only string may stay as it is.
      if (!/[A-Za-z]{2}/.test(messages.en[k].replace(/\{\w+\}/g, ''))) continue;
      expect(messages['zh-CN'][k], key).not.toBe(messages.en[k]);
    }
  });

  it('substitutes placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'answer.effective', { date: '2026-01-01' })).toBe('Effective from 2026-01-01');
    expect(t('zh-CN', 'agent.messages', { count: 3 })).toBe('3 条消息');
    expect(t('en', 'answer.effective')).toBe('Effective from {date}');
  });
});
