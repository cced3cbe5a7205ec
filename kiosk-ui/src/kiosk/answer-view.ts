// What an answer from the knowledge base puts on the page: article title, text, effective date, and for
// a rated wealth product the risk check with the disclosure; and the lines the avatar should say. Pure.
import type { Answer } from '@branch/device-agent';
import { t, type Locale } from '../i18n/index.ts';
import type { AnswerView } from './kiosk-view.ts';
import { checkRisk, optionalString, type RiskCheck } from './risk-check.ts';
import { effectiveDate, shortSpeech } from './speech-text.ts';

/** The risk check's sentence, as shown under the answer and said aloud. */
export function riskResultText(check: RiskCheck | null, locale: Locale): string {
  if (check === null) return '';
  if (check.kind === 'ratingUnknown') return t(locale, 'risk.unknown');
  return t(locale, check.kind === 'suitable' ? 'risk.suitable' : 'risk.unsuitable', {
    level: check.level,
    rating: check.rating,
  });
}

export function answerContent(
  answer: Answer,
  locale: Locale,
  riskRating: string | null,
): { view: AnswerView; risk: RiskCheck | null; lines: string[] } {
  const date = effectiveDate(answer.effectiveFrom);
  const view: AnswerView = {
    text: answer.text,
    ...(answer.title ? { title: answer.title } : {}),
    ...(date ? { effective: t(locale, 'answer.effective', { date }) } : {}),
    ...(answer.version ? { version: t(locale, 'answer.version', { version: String(answer.version) }) } : {}),
    ...(answer.decision === 'clarify' && answer.options
      ? { choices: answer.options.map((o) => o.title) }
      : {}),
  };
  // The product's level comes with answers about rated wealth products; the page compares it with the
  // customer's rating when it has both, and says so when the rating is missing (no card, or no profile).
  // Read without trusting the type: an older agent sends none, and checkRisk ignores anything not R1..R5.
  const risk = checkRisk(optionalString(answer, 'productRiskLevel'), riskRating);
  // At most two sentences aloud: the agent's two, or for a rated product its first and the risk check
  // (an older agent sends none to say: then the first sentence).
  const lines = risk
    ? [shortSpeech(answer.text, locale), riskResultText(risk, locale)]
    : [answer.spoken ?? shortSpeech(answer.text, locale)];
  return { view, risk, lines };
}
