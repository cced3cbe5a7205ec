import { describe, expect, it } from 'vitest';
import { KnowledgeArticleSchema } from '../schema/article.ts';
import { DEFAULT_ARTICLES } from './default-articles.ts';

const STARTER_IDS = [
  'branch-opening-hours',
  'card-lost-stolen',
  'transfer-limits',
  'foreign-exchange',
  'update-phone-number',
  'wealth-steady-income-fund',
  'atm-card-retained',
  'service-fees',
  'open-account',
];

describe('DEFAULT_ARTICLES', () => {
  it('are valid and come in zh-CN and en pairs', () => {
    for (const a of DEFAULT_ARTICLES) expect(KnowledgeArticleSchema.safeParse(a).success).toBe(true);
    const ids = new Set(DEFAULT_ARTICLES.map((a) => a.id));
    for (const id of ids) {
      const locales = DEFAULT_ARTICLES.filter((a) => a.id === id).map((a) => a.locale);
      expect(locales.sort()).toEqual(['en', 'zh-CN']);
    }
  });

  it('cover at least 40 topics and keep the nine starter ids', () => {
    const ids = new Set(DEFAULT_ARTICLES.map((a) => a.id));
    expect(ids.size).toBeGreaterThanOrEqual(40);
    for (const id of STARTER_IDS) expect(ids.has(id)).toBe(true);
  });

  it('give every article example questions and synonyms, and span wealth risk levels R1 to R5', () => {
    for (const a of DEFAULT_ARTICLES) {
      expect(a.exampleQuestions?.length ?? 0).toBeGreaterThanOrEqual(3);
      expect(a.synonyms?.length ?? 0).toBeGreaterThanOrEqual(3);
    }
    const levels = new Set(DEFAULT_ARTICLES.map((a) => a.productRiskLevel).filter(Boolean));
    expect([...levels].sort()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5']);
  });
});
