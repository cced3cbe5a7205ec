// Turns the understanding core's decision into the kiosk's answer: the article (full text for the
// screen, two sentences to say), a clarifying question with the two close topics, or "not sure".
// The answer always carries the intent and the confidence, so a handoff after it can be routed.
import type { KnowledgeArticle } from '@branch/cloud-sync';
import type { Answer } from '../protocol/messages.ts';
import { routingIntent } from '../kb/routing-intent.ts';
import { spokenSentences } from '../kb/spoken-text.ts';
import type { Understanding } from '../kb/understand-question.ts';

type Locale = KnowledgeArticle['locale'];

const NOT_SURE: Record<Locale, string> = {
  en: "I'm not sure I can answer that correctly. Would you like to talk to a member of staff?",
  'zh-CN': '抱歉，这个问题我不太确定。需要为您转接人工服务吗？',
};

const WHICH: Record<Locale, (a: string, b: string) => string> = {
  en: (a, b) => `Did you mean "${a}" or "${b}"?`,
  'zh-CN': (a, b) => `您是想了解“${a}”还是“${b}”？`,
};

export function answerFromUnderstanding(
  u: Understanding,
  articles: KnowledgeArticle[],
  locale: Locale,
): Answer {
  const find = (id: string | undefined) => articles.find((a) => a.id === id && a.locale === locale);
  const confidence = Math.round(u.confidence * 1000) / 1000;
  const a = find(u.intent);
  if (u.decision === 'clarify') {
    const b = find(u.candidates[1]?.id);
    if (a && b) {
      const text = WHICH[locale](a.title, b.title);
      return {
        text,
        spoken: text,
        decision: 'clarify',
        intent: routingIntent(a.id),
        confidence,
        options: [a, b].map((x) => ({ articleId: x.id, title: x.title })),
      };
    }
  }
  if (u.decision === 'none' || !a) {
    return { text: NOT_SURE[locale], spoken: NOT_SURE[locale], decision: 'none', intent: 'none', confidence };
  }
  return {
    text: a.body,
    spoken: spokenSentences(a.body),
    decision: 'answer',
    intent: routingIntent(a.id),
    articleId: a.id,
    title: a.title,
    version: a.version,
    effectiveFrom: a.effectiveFrom,
    confidence,
    ...(a.productRiskLevel ? { productRiskLevel: a.productRiskLevel } : {}),
  };
}
