import { describe, expect, it } from 'vitest';
import { rankArticles } from './rank-articles.ts';
import { tokenize } from './tokenize.ts';

const articles = [
  {
    id: 'zh-card-lost',
    locale: 'zh-CN',
    title: '银行卡挂失',
    body: '如果您的银行卡丢失，请立即拨打客服电话办理挂失。',
    tags: ['挂失'],
  },
  { id: 'zh-hours', locale: 'zh-CN', title: '营业时间', body: '本网点周一至周五9点至17点营业。', tags: [] },
  {
    id: 'zh-fx',
    locale: 'zh-CN',
    title: '外币兑换',
    body: '网点可办理美元、欧元的兑换业务，需携带身份证。',
    tags: ['外汇'],
  },
  {
    id: 'en-card-lost',
    locale: 'en',
    title: 'Report a lost card',
    body: 'Call us at once to block a lost or stolen card.',
    tags: ['lost'],
  },
  {
    id: 'en-hours',
    locale: 'en',
    title: 'Opening hours',
    body: 'The branch opens Monday to Friday, 9:00 to 17:00.',
    tags: [],
  },
];

describe('tokenize', () => {
  it('makes character bigrams of Chinese and stemmed words of English, dropping stopwords', () => {
    expect(tokenize('银行卡挂失')).toEqual(['b:银行', 'b:行卡', 'b:卡挂', 'b:挂失']);
    expect(tokenize('What are the opening hours?')).toEqual(['w:opening', 'w:hour']);
    expect(tokenize('我的卡')).toEqual(['u:卡']);
  });
});

describe('rankArticles', () => {
  it('finds the Chinese article by bigrams, without word boundaries', () => {
    const r = rankArticles('我的银行卡丢了怎么挂失？', articles, 'zh-CN');
    expect(r[0]?.article.id).toBe('zh-card-lost');
    expect(r[0]?.confidence).toBeGreaterThan(0.5);
  });
  it('finds the English article by words and stays within the locale', () => {
    const r = rankArticles('When does the branch open? opening hours please', articles, 'en');
    expect(r[0]?.article.id).toBe('en-hours');
    expect(r.every((x) => x.article.locale === 'en')).toBe(true);
  });
  it('gives low confidence to an unrelated question and nothing for an empty one', () => {
    const r = rankArticles('Can I buy a bicycle here?', articles, 'en');
    expect(r[0]?.confidence ?? 0).toBeLessThan(0.35);
    expect(rankArticles('???', articles, 'en')).toEqual([]);
    expect(rankArticles('lost card', articles, 'fr')).toEqual([]);
  });
  it('keeps confidence within 0..1 and ranks a closer match higher', () => {
    const r = rankArticles('lost card', articles, 'en');
    expect(r[0]?.article.id).toBe('en-card-lost');
    expect(r[0]?.confidence).toBeLessThanOrEqual(1);
    for (const x of r) expect(x.confidence).toBeGreaterThan(0);
  });
});
