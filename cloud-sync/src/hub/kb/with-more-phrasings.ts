// Adds the extra phrasings of kb/more-phrasings-*.ts to the starter articles: more example questions
// and synonyms per locale, without duplicates and within the article schema's limits.
import type { KnowledgeArticle } from '../../schema/article.ts';
import { EN_MORE_ASK, EN_MORE_SYN } from './more-phrasings-en.ts';
import { ZH_MORE_ASK, ZH_MORE_SYN } from './more-phrasings-zh.ts';
import { ZH_SENTENCE_ASK } from './sentence-phrasings-zh.ts';
import { ZH_SPOKEN_ASK, ZH_SPOKEN_SYN } from './spoken-phrasings-zh.ts';

const MAX_EXAMPLES = 60;
const MAX_SYNONYMS = 40;

type Phrasings = Record<string, string>;

/** Per locale, the batches in order: each topic's phrases "|"-separated. */
const MORE: Record<string, { ask: Phrasings[]; syn: Phrasings[] }> = {
  'zh-CN': { ask: [ZH_MORE_ASK, ZH_SPOKEN_ASK, ZH_SENTENCE_ASK], syn: [ZH_MORE_SYN, ZH_SPOKEN_SYN] },
  en: { ask: [EN_MORE_ASK], syn: [EN_MORE_SYN] },
};

function merged(base: string[] | undefined, batches: Phrasings[], id: string, max: number): string[] {
  const more = batches.flatMap((b) => (b[id] ?? '').split('|').map((s) => s.trim()));
  return [...new Set([...(base ?? []), ...more].filter((s) => s !== ''))].slice(0, max);
}

export function withMorePhrasings(articles: KnowledgeArticle[]): KnowledgeArticle[] {
  return articles.map((a) => {
    const more = MORE[a.locale];
    if (!more) return a;
    return {
      ...a,
      exampleQuestions: merged(a.exampleQuestions, more.ask, a.id, MAX_EXAMPLES),
      synonyms: merged(a.synonyms, more.syn, a.id, MAX_SYNONYMS),
    };
  });
}
