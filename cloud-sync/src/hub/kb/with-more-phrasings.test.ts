import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle } from '../../schema/article.ts';
import { articlePair } from './article-pair.ts';
import { withMorePhrasings } from './with-more-phrasings.ts';

const pair = articlePair(
  'card-lost-stolen',
  ['card'],
  { title: '丢卡', body: '挂失', ask: ['卡丢了'], syn: ['挂失'] },
  { title: 'Lost card', body: 'Freeze it', ask: ['lost my card'], syn: ['lost'] },
);

describe('withMorePhrasings', () => {
  it('adds the extra phrasings per locale without duplicates, keeping the originals first', () => {
    const [zh, en] = withMorePhrasings(pair) as [KnowledgeArticle, KnowledgeArticle];
    expect(zh.exampleQuestions?.[0]).toBe('卡丢了');
    expect(zh.exampleQuestions?.filter((q) => q === '卡丢了')).toHaveLength(1);
    expect(zh.exampleQuestions?.length).toBeGreaterThan(10);
    expect(en.synonyms).toContain('stolen');
    expect(en.exampleQuestions?.every((q) => q.trim() === q && q !== '')).toBe(true);
  });

  it('merges every batch of a locale: phrasings, spoken wording and whole sentences', () => {
    const [zh] = withMorePhrasings(pair) as [KnowledgeArticle];
    expect(zh.exampleQuestions).toContain('卡丢了怎么补'); // spoken batch
    expect(zh.exampleQuestions).toContain('出差回来发现银行卡找不到了怕被人盗刷想先冻结'); // sentences
    expect(zh.synonyms).toContain('丢卡');
    expect(zh.exampleQuestions!.length).toBeLessThanOrEqual(60);
  });

  it('leaves other locales and unknown topics as they are', () => {
    const other = { ...pair[0]!, id: 'no-such-topic' };
    expect(withMorePhrasings([other])[0]?.exampleQuestions).toEqual(['卡丢了']);
    const fr = { ...pair[0]!, locale: 'fr' } as unknown as KnowledgeArticle;
    expect(withMorePhrasings([fr])[0]).toBe(fr);
  });
});
