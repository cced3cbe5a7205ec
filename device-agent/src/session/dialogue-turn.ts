// One turn of a visit's dialogue: a reply to the choices just offered, a follow-up on the last topic,
// a slot question of a guided flow, or a fresh question; returns the answer and the new state.
import type { KnowledgeArticle, MessageUnderstanding } from '@branch/cloud-sync';
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

/** How the turn understood the customer (the locale is the session's): synced with their message. */
export type TurnUnderstanding = Omit<MessageUnderstanding, 'locale'>;

export interface Turn {
  answer: Answer;
  state: DialogueState;
  understood: TurnUnderstanding;
}

const round3 = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;

/** What the understander made of a fresh question, as recorded: a miss keeps its best guess. */
function understood(answer: Answer, u: Understanding): TurnUnderstanding {
  const confidence = round3(u.confidence);
  if (answer.decision === 'answer' && answer.articleId)
    return { outcome: 'answered', topic: answer.articleId, confidence };
  const guess = answer.decision === 'clarify' ? answer.options?.[0]?.articleId : u.candidates[0]?.id;
  return {
    outcome: answer.decision === 'clarify' ? 'clarify' : 'miss',
    ...(guess ? { topic: guess } : {}),
    confidence,
  };
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
      understood: { outcome: 'answered', topic: choice.articleId, confidence: 1 },
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
      return {
        answer: focused(answer, last, terms),
        state: { topic: last.id },
        understood: { outcome: 'answered', topic: last.id, confidence: round3(u.confidence) },
      };
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
    // A guided flow asking for its slot found the topic; asked without one, the kiosk was unsure.
    const found = u.decision === 'answer';
    return {
      answer,
      state: { choices: slot.choices },
      understood: {
        outcome: found ? 'answered' : 'clarify',
        topic: found ? u.intent : (slot.choices[0]?.articleId ?? u.intent),
        confidence: round3(u.confidence),
      },
    };
  }
  const answer = answerFromUnderstanding(u, articles, locale);
  if (answer.decision === 'clarify' && answer.options) {
    return {
      answer,
      state: { ...state, choices: answer.options.map((o) => ({ ...o })) },
      understood: understood(answer, u),
    };
  }
  return {
    answer,
    state: answer.articleId ? { topic: answer.articleId } : state,
    understood: understood(answer, u),
  };
}
