// Picks the answer to a customer's question from the local knowledge articles.
import type { KnowledgeArticle } from '@branch/cloud-sync';
import type { Answer } from '../protocol/messages.ts';
import { rankArticles } from '../kb/rank-articles.ts';

type Locale = KnowledgeArticle['locale'];

const NOT_SURE: Record<Locale, string> = {
  en: "I'm not sure I can answer that correctly. Would you like to talk to a member of staff?",
  'zh-CN': '抱歉，这个问题我不太确定。需要为您转接人工服务吗？',
};

export function answerQuestion(
  question: string,
  articles: KnowledgeArticle[],
  locale: Locale,
  threshold: number,
): Answer {
  const best = rankArticles(question, articles, locale)[0];
  if (!best || best.confidence < threshold) {
    return { text: NOT_SURE[locale], confidence: best?.confidence ?? 0 };
  }
  const a = best.article;
  return {
    text: a.body,
    articleId: a.id,
    title: a.title,
    effectiveFrom: a.effectiveFrom,
    confidence: best.confidence,
    ...(a.productRiskLevel ? { productRiskLevel: a.productRiskLevel } : {}),
  };
}
