// Full-text retrieval over one locale's articles with MiniSearch (BM25, prefix and fuzzy matching,
// field boosts). Terms come from the shared text analyzer so the index and the query agree. Pure.
import MiniSearch from 'minisearch';
import type { TextAnalyzer } from './analyze-text.ts';
import { runToEnd, type BuildSteps } from './build-steps.ts';

export interface IndexableArticle {
  id: string;
  title: string;
  body: string;
  tags: string[];
  exampleQuestions?: string[] | undefined;
  synonyms?: string[] | undefined;
}

export interface RetrievalHit {
  id: string;
  score: number;
  /** Share of the question's distinct terms this article matched, 0..1. */
  coverage: number;
}

interface Doc {
  id: string;
  title: string;
  synonyms: string;
  examples: string;
  tags: string;
  body: string;
}

const BOOST = { title: 3, synonyms: 3, examples: 2, tags: 1.5, body: 1 };

export interface ArticleIndex {
  search(question: string): RetrievalHit[];
}

export function buildArticleIndex(articles: IndexableArticle[], analyzer: TextAnalyzer): ArticleIndex {
  return runToEnd(articleIndexSteps(articles, analyzer));
}

/** The same index built as steps: it yields after each article (see build-steps.ts). */
export function* articleIndexSteps(
  articles: IndexableArticle[],
  analyzer: TextAnalyzer,
): BuildSteps<ArticleIndex> {
  const index = new MiniSearch<Doc>({
    fields: Object.keys(BOOST),
    tokenize: (text) => analyzer.terms(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: BOOST,
      combineWith: 'OR',
      // Prefix and fuzzy only for longer (Latin) terms: a two-character Chinese word has no typo room.
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
    },
  });
  // Joined with a separator no term crosses, so each example stays its own phrase. One at a time
  // (what addAll does), so a build can pause between articles.
  for (const a of articles) {
    index.add({
      id: a.id,
      title: a.title,
      synonyms: (a.synonyms ?? []).join(' | '),
      examples: (a.exampleQuestions ?? []).join(' | '),
      tags: a.tags.join(' | '),
      body: a.body,
    });
    yield;
  }
  return {
    search(question) {
      const queryTerms = new Set(analyzer.terms(question));
      if (queryTerms.size === 0) return [];
      return index.search(question).map((r) => ({
        id: String(r.id),
        score: r.score,
        coverage: Math.min(1, new Set(r.queryTerms).size / queryTerms.size),
      }));
    },
  };
}
