import { describe, expect, it } from 'vitest';
import { KnowledgeArticleSchema } from '../schema/article.ts';
import { DEFAULT_ARTICLES } from './default-articles.ts';

describe('DEFAULT_ARTICLES', () => {
  it('are valid and come in zh-CN and en pairs', () => {
    for (const a of DEFAULT_ARTICLES) expect(KnowledgeArticleSchema.safeParse(a).success).toBe(true);
    const ids = new Set(DEFAULT_ARTICLES.map((a) => a.id));
    expect(ids.size).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      const locales = DEFAULT_ARTICLES.filter((a) => a.id === id).map((a) => a.locale);
      expect(locales.sort()).toEqual(['en', 'zh-CN']);
    }
    expect(DEFAULT_ARTICLES.some((a) => a.productRiskLevel !== undefined)).toBe(true);
  });
});
