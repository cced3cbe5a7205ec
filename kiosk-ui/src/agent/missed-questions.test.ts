import type { KnowledgeArticle } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import { articleChoices, draftWithExample, missCount } from './missed-questions.ts';

const article = (id: string, locale: 'en' | 'zh-CN', title: string, extra: Partial<KnowledgeArticle> = {}) =>
  ({
    id,
    locale,
    title,
    version: 4,
    body: 'Body.',
    tags: ['t'],
    effectiveFrom: '2026-01-01T00:00:00.000Z',
    ...extra,
  }) satisfies KnowledgeArticle;

const FEES = article('service-fees', 'en', 'Service fees', {
  exampleQuestions: ['What fees do you charge?'],
  synonyms: ['charges'],
});
const ARTICLES = [
  article('branch-opening-hours', 'en', 'Opening hours'),
  FEES,
  article('atm-card-retained', 'en', 'Card kept by an ATM'),
  article('service-fees', 'zh-CN', '收费标准'),
];

describe('missed questions in the Knowledge tab', () => {
  it("offers the articles of the question's locale, the best guess first, then by title", () => {
    expect(articleChoices(ARTICLES, 'en', 'service-fees').map((c) => c.id)).toEqual([
      'service-fees',
      'atm-card-retained',
      'branch-opening-hours',
    ]);
    // No guess, or a guess no longer published: just by title.
    expect(articleChoices(ARTICLES, 'en', null).map((c) => c.title)).toEqual([
      'Card kept by an ATM',
      'Opening hours',
      'Service fees',
    ]);
    expect(articleChoices(ARTICLES, 'en', 'gone').map((c) => c.id)[0]).toBe('atm-card-retained');
    expect(articleChoices(ARTICLES, 'zh-CN', 'service-fees')).toEqual([
      { id: 'service-fees', title: '收费标准' },
    ]);
  });

  it('appends the question to the examples of the article as stored, on its current version', () => {
    const r = draftWithExample(FEES, '  can I pay my   gas bill here ');
    expect(r).toEqual({
      ok: true,
      baseVersion: 4,
      draft: {
        id: 'service-fees',
        locale: 'en',
        title: 'Service fees',
        body: 'Body.',
        tags: ['t'],
        effectiveFrom: '2026-01-01T00:00:00.000Z',
        exampleQuestions: ['What fees do you charge?', 'can I pay my gas bill here'],
        synonyms: ['charges'],
      },
    });
    // An article without examples gets its first.
    const first = draftWithExample(ARTICLES[0]!, 'when do you open');
    expect(first.ok && first.draft.exampleQuestions).toEqual(['when do you open']);
  });

  it('refuses an empty question, one already there, a too long one and a full list', () => {
    expect(draftWithExample(FEES, '   ')).toEqual({ ok: false, message: 'kb.exampleEmpty' });
    expect(draftWithExample(FEES, 'what fees do you CHARGE?')).toEqual({
      ok: false,
      message: 'kb.exampleThere',
    });
    expect(draftWithExample(FEES, 'x'.repeat(201))).toEqual({
      ok: false,
      message: 'kb.exampleTooLong',
      values: { max: 200 },
    });
    const full = { ...FEES, exampleQuestions: Array.from({ length: 60 }, (_, i) => `question ${i}`) };
    expect(draftWithExample(full, 'one more')).toEqual({
      ok: false,
      message: 'kb.exampleFull',
      values: { max: 60 },
    });
  });

  it('counts missed and asked-back questions together', () => {
    expect(missCount({ missed: 3, clarified: 2 })).toBe(5);
  });
});
