import { describe, expect, it } from 'vitest';
import { KnowledgeArticleSchema } from './article.ts';
import { MAX_DOC_VERSION } from './doc-version.ts';
import { ConfigEntrySchema } from './settings.ts';

describe('document versions', () => {
  it('fit a 32-bit INTEGER column: MAX_DOC_VERSION is taken, one more is refused', () => {
    const article = {
      id: 'faq-a',
      locale: 'en',
      title: 'T',
      body: 'B',
      tags: [],
      effectiveFrom: '2026-01-01T00:00:00.000Z',
    };
    expect(KnowledgeArticleSchema.safeParse({ ...article, version: MAX_DOC_VERSION }).success).toBe(true);
    expect(KnowledgeArticleSchema.safeParse({ ...article, version: MAX_DOC_VERSION + 1 }).success).toBe(
      false,
    );
    expect(ConfigEntrySchema.safeParse({ key: 'k', version: 2 ** 31, value: 1 }).success).toBe(false);
  });
});
