import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle } from '../schema/article.ts';
import { articleForKiosk, plainArticleText, searchArticles } from './call-articles.ts';

const base = { version: 1, tags: ['card'], effectiveFrom: '2020-01-01T00:00:00.000Z' };
const A: KnowledgeArticle[] = [
  {
    ...base,
    id: 'pin',
    locale: 'en',
    title: 'Resetting your PIN',
    body: 'Go to the counter.',
    synonyms: ['password'],
  },
  { ...base, id: 'pin', locale: 'zh-CN', title: '密码重置', body: '请到柜台办理。' },
  {
    ...base,
    id: 'cash',
    locale: 'en',
    title: 'Cash withdrawal',
    body: 'The ATM gives cash; your PIN is needed.',
  },
  {
    ...base,
    id: 'old',
    locale: 'en',
    title: 'Old PIN rules',
    body: 'x',
    effectiveFrom: '2020-01-01T00:00:00.000Z',
    effectiveTo: '2021-01-01T00:00:00.000Z',
  },
];
const NOW = new Date('2026-06-01T00:00:00.000Z');

describe('plainArticleText', () => {
  it('keeps text only: no tags, scripts, links, control or direction characters', () => {
    expect(
      plainArticleText('a<b>b</b><script>x()</script>\u202Ec\u0007 [d](javascript:e)\r\n\r\n\r\n\nf'),
    ).toBe('abc d\n\nf');
  });

  it('cuts a long text at a paragraph with an ellipsis', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(60)}`;
    expect(plainArticleText(text, 100)).toBe(`${'a'.repeat(60)}…`);
    expect(plainArticleText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('searchArticles', () => {
  it('ranks title over body, needs every word, leaves out articles not in effect', () => {
    expect(searchArticles(A, 'pin', NOW, 'en').map((h) => h.id)).toEqual(['pin', 'cash']);
    expect(searchArticles(A, 'PIN counter', NOW).map((h) => h.id)).toEqual(['pin']);
    expect(searchArticles(A, 'password', NOW)[0]).toMatchObject({ id: 'pin', locales: ['en', 'zh-CN'] });
    expect(searchArticles(A, '柜台', NOW).map((h) => h.locale)).toEqual(['zh-CN']);
    expect(searchArticles(A, '', NOW, 'en').map((h) => h.title)).toEqual([
      'Cash withdrawal',
      'Resetting your PIN',
    ]);
  });
});

describe('articleForKiosk', () => {
  it("gives the version in the customer's language, or none", () => {
    expect(articleForKiosk(A, 'pin', 'zh-CN', NOW)).toEqual({
      id: 'pin',
      version: 1,
      locale: 'zh-CN',
      title: '密码重置',
      body: '请到柜台办理。',
    });
    expect(articleForKiosk(A, 'cash', 'zh-CN', NOW)).toBeNull();
    expect(articleForKiosk(A, 'old', 'en', NOW)).toBeNull();
  });
});
