import { ProductRiskLevelSchema as ArticleRiskLevels, type KnowledgeArticle } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import { AnswerSchema, ProductRiskLevelSchema } from '../protocol/messages.ts';
import type { Understanding } from '../kb/understand-question.ts';
import { answerFromUnderstanding } from './answer-question.ts';

const base = {
  version: 3,
  locale: 'en' as const,
  tags: [] as string[],
  effectiveFrom: '2026-01-01T00:00:00.000Z',
};
const articles: KnowledgeArticle[] = [
  {
    ...base,
    id: 'wealth-fund',
    title: 'Steady income wealth product',
    body: 'A bond fund with a medium risk level. Capital is not guaranteed. Ask an adviser first.',
    tags: ['wealth', 'fund'],
    productRiskLevel: 'R3',
  },
  {
    ...base,
    id: 'branch-opening-hours',
    title: 'Opening hours',
    body: 'The branch opens at nine on weekdays.',
  },
];
const understood = (
  decision: Understanding['decision'],
  intent: string,
  second = 'branch-opening-hours',
): Understanding => ({
  decision,
  intent,
  confidence: 0.8,
  candidates: [
    { id: intent, confidence: 0.8 },
    { id: second, confidence: 0.78 },
  ],
});

describe('answerFromUnderstanding', () => {
  it("answers with the article's text, version and date, two sentences to say, and its risk level", () => {
    const wealth = answerFromUnderstanding(understood('answer', 'wealth-fund'), articles, 'en');
    expect(wealth).toMatchObject({
      decision: 'answer',
      articleId: 'wealth-fund',
      intent: 'wealth-fund',
      version: 3,
      productRiskLevel: 'R3',
      spoken: 'A bond fund with a medium risk level. Capital is not guaranteed.',
    });
    expect(AnswerSchema.parse(wealth)).toEqual(wealth);
    const hours = answerFromUnderstanding(understood('answer', 'branch-opening-hours'), articles, 'en');
    expect(hours.intent).toBe('opening_hours');
    expect('productRiskLevel' in hours).toBe(false);
  });

  it('asks which of two close topics was meant, offering both', () => {
    const a = answerFromUnderstanding(understood('clarify', 'wealth-fund'), articles, 'en');
    expect(a.decision).toBe('clarify');
    expect(a.options?.map((o) => o.articleId)).toEqual(['wealth-fund', 'branch-opening-hours']);
    expect(a.text).toContain('Opening hours');
    expect(AnswerSchema.parse(a)).toEqual(a);
  });

  it('says it is not sure, with intent none and no risk level', () => {
    const unsure = answerFromUnderstanding(understood('none', 'none'), articles, 'en');
    expect(unsure).toMatchObject({ decision: 'none', intent: 'none' });
    expect(unsure.articleId).toBeUndefined();
    expect('productRiskLevel' in unsure).toBe(false);
  });
});

describe('the risk scales', () => {
  it("the protocol's product risk levels are cloud-sync's", () => {
    expect(ProductRiskLevelSchema.options).toEqual(ArticleRiskLevels.options);
  });
});
