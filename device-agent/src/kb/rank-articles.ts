// Ranks knowledge articles against a question. Pure.
// Confidence is the share of the question's (idf-weighted) tokens that the article covers, with the
// title and tags counting more than the body, so it reads as "how much of the question this answers".

import { tokenize } from './tokenize.ts';

export interface RankableArticle {
  id: string;
  locale: string;
  title: string;
  body: string;
  tags: string[];
}

export interface RankedArticle<A extends RankableArticle> {
  article: A;
  /** 0..1 */
  confidence: number;
}

const TITLE_WEIGHT = 1;
const BODY_WEIGHT = 0.7;

export function rankArticles<A extends RankableArticle>(
  question: string,
  articles: A[],
  locale: string,
): RankedArticle<A>[] {
  const pool = articles.filter((a) => a.locale === locale);
  const query = [...new Set(tokenize(question))];
  if (pool.length === 0 || query.length === 0) return [];
  const docs = pool.map((a) => ({
    article: a,
    head: new Set(tokenize(`${a.title} ${a.tags.join(' ')}`)),
    body: new Set(tokenize(a.body)),
  }));
  // Smoothed inverse document frequency over this locale's articles.
  const idf = new Map<string, number>();
  for (const t of query) {
    const df = docs.filter((d) => d.head.has(t) || d.body.has(t)).length;
    idf.set(t, Math.log(1 + (pool.length + 1) / (df + 0.5)));
  }
  const total = query.reduce((s, t) => s + (idf.get(t) ?? 0), 0);
  const ranked = docs.map((d) => {
    let got = 0;
    for (const t of query) {
      const w = idf.get(t) ?? 0;
      if (d.head.has(t)) got += w * TITLE_WEIGHT;
      else if (d.body.has(t)) got += w * BODY_WEIGHT;
    }
    return { article: d.article, confidence: total > 0 ? Math.min(1, got / total) : 0 };
  });
  return ranked.filter((r) => r.confidence > 0).sort((a, b) => b.confidence - a.confidence);
}
