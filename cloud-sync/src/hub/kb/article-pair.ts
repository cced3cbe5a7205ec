// Builds one starter topic as its two locale versions (zh-CN and en), version 1, in effect from the start
// of 2026. `ask` are example questions in the customer's words, `syn` other words for the topic.
import type { KnowledgeArticle, ProductRiskLevel } from '../../schema/article.ts';

export interface TopicText {
  title: string;
  body: string;
  ask: string[];
  syn: string[];
}

const FROM = '2026-01-01T00:00:00.000Z';

export function articlePair(
  id: string,
  tags: string[],
  zh: TopicText,
  en: TopicText,
  productRiskLevel?: ProductRiskLevel,
): KnowledgeArticle[] {
  const base = {
    id,
    version: 1,
    tags,
    effectiveFrom: FROM,
    ...(productRiskLevel ? { productRiskLevel } : {}),
  };
  const one = (locale: 'zh-CN' | 'en', t: TopicText): KnowledgeArticle => ({
    ...base,
    locale,
    title: t.title,
    body: t.body,
    exampleQuestions: t.ask,
    synonyms: t.syn,
  });
  return [one('zh-CN', zh), one('en', en)];
}
