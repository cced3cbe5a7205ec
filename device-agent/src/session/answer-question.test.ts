import { ProductRiskLevelSchema as ArticleRiskLevels, type KnowledgeArticle } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import { AnswerSchema, ProductRiskLevelSchema } from '../protocol/messages.ts';
import { answerQuestion } from './answer-question.ts';

const base = {
  version: 1,
  locale: 'en' as const,
  tags: [] as string[],
  effectiveFrom: '2026-01-01T00:00:00.000Z',
};
const articles: KnowledgeArticle[] = [
  {
    ...base,
    id: 'wealth-fund',
    title: 'Steady income wealth product',
    body: 'A bond fund with a medium risk level; capital is not guaranteed.',
    tags: ['wealth', 'fund'],
    productRiskLevel: 'R3',
  },
  { ...base, id: 'hours', title: 'Opening hours', body: 'The branch opens at nine on weekdays.' },
];

describe('answerQuestion', () => {
  it("carries a wealth article's product risk level, and none for other articles", () => {
    const wealth = answerQuestion('Tell me about the wealth fund', articles, 'en', 0.1);
    expect(wealth).toMatchObject({ articleId: 'wealth-fund', productRiskLevel: 'R3' });
    expect(AnswerSchema.parse(wealth)).toEqual(wealth);
    const hours = answerQuestion('When does the branch open?', articles, 'en', 0.1);
    expect(hours.articleId).toBe('hours');
    expect('productRiskLevel' in hours).toBe(false);
  });

  it('gives no risk level when the bot is not sure', () => {
    const unsure = answerQuestion('bicycle repair', articles, 'en', 0.9);
    expect(unsure.articleId).toBeUndefined();
    expect('productRiskLevel' in unsure).toBe(false);
  });
});

describe('the risk scales', () => {
  it("the protocol's product risk levels are cloud-sync's", () => {
    expect(ProductRiskLevelSchema.options).toEqual(ArticleRiskLevels.options);
  });
});
