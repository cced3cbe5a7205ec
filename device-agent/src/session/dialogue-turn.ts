// One turn of a visit's dialogue: a reply to the choices just offered, a follow-up on the last topic,
// a slot question of a guided flow, or a fresh question; returns the answer and the new state.
import type { KnowledgeArticle } from '@branch/cloud-sync';
import {
  focusClause,
  looksLikeFollowUp,
  matchChoice,
  slotQuestion,
  type DialogueState,
} from '../kb/dialogue.ts';
import { routingIntent } from '../kb/routing-intent.ts';
import type { QuestionUnderstander, Understanding } from '../kb/understand-question.ts';
import type { Answer } from '../protocol/messages.ts';
import { answerFromUnderstanding } from './answer-question.ts';

type Locale = KnowledgeArticle['locale'];

export interface Turn {
  answer: Answer;
  state: DialogueState;
}

const chosen = (articleId: string): Understanding => ({
  decision: 'answer',
  intent: articleId,
  confidence: 1,
  candidates: [{ id: articleId, confidence: 1 }],
});

/** The article answer, saying the clause about `focus` when the article has one. */
function focused(answer: Answer, article: KnowledgeArticle | undefined, focus: string[]): Answer {
  const clause = article ? focusClause(article.body, focus) : undefined;
  return clause ? { ...answer, spoken: clause } : answer;
}

export function dialogueTurn(
  state: DialogueState,
  question: string,
  locale: Locale,
  understander: QuestionUnderstander,
  articles: KnowledgeArticle[],
): Turn {
  const article = (id: string | undefined) => articles.find((a) => a.id === id && a.locale === locale);
  const choice = matchChoice(question, state.choices);
  if (choice && article(choice.articleId)) {
    const answer = answerFromUnderstanding(chosen(choice.articleId), articles, locale);
    return {
      answer: focused(answer, article(choice.articleId), choice.focus ?? []),
      state: { topic: choice.articleId },
    };
  }
  // A follow-up stays on the last topic when that article speaks of what it asks, or nothing else fits.
  const last = article(state.topic);
  const u = understander.understand(question, locale);
  if (last && looksLikeFollowUp(question, locale)) {
    const terms = understander.terms(question);
    if (u.decision !== 'answer' || focusClause(last.body, terms) !== undefined) {
      const answer = answerFromUnderstanding(
        { ...chosen(last.id), confidence: u.confidence },
        articles,
        locale,
      );
      return { answer: focused(answer, last, terms), state: { topic: last.id } };
    }
  }
  const slot = slotQuestion(u.decision === 'answer' ? u.intent : undefined, question, locale);
  if (slot) {
    const answer: Answer = {
      text: slot.prompt,
      spoken: slot.prompt,
      decision: 'clarify',
      intent: routingIntent(slot.choices[0]?.articleId ?? u.intent),
      confidence: Math.round(u.confidence * 1000) / 1000,
      options: slot.choices.map((c) => ({ articleId: c.articleId, title: c.title })),
    };
    return { answer, state: { choices: slot.choices } };
  }
  const answer = answerFromUnderstanding(u, articles, locale);
  if (answer.decision === 'clarify' && answer.options) {
    return { answer, state: { ...state, choices: answer.options.map((o) => ({ ...o })) } };
  }
  return { answer, state: answer.articleId ? { topic: answer.articleId } : state };
}
