// Puts an answer from the knowledge base on the page: article title, text, effective date, and for a
// rated wealth product the risk check with the disclosure. Returns the lines the avatar should say.
import type { Answer } from '@branch/device-agent';
import { t, type Locale } from '../i18n/index.ts';
import type { KioskView } from './kiosk-view.ts';
import { checkRisk, optionalString, type RiskCheck } from './risk-check.ts';
import { effectiveDate, shortSpeech } from './speech-text.ts';

export function showAnswer(
  view: KioskView,
  answer: Answer,
  locale: Locale,
  riskRating: string | null,
): { risk: RiskCheck | null; lines: string[] } {
  const date = effectiveDate(answer.effectiveFrom);
  view.showAnswer({
    text: answer.text,
    ...(answer.title ? { title: answer.title } : {}),
    ...(date ? { effective: t(locale, 'answer.effective', { date }) } : {}),
    ...(answer.version ? { version: t(locale, 'answer.version', { version: String(answer.version) }) } : {}),
    ...(answer.decision === 'clarify' && answer.options
      ? { choices: answer.options.map((o) => o.title) }
      : {}),
  });
  // The product's level comes with answers about rated wealth products; the page compares it with the
  // customer's rating when it has both, and says so when the rating is missing (no card, or no profile).
  // Read without trusting the type: an older agent sends none, and checkRisk ignores anything not R1..R5.
  const risk = checkRisk(optionalString(answer, 'productRiskLevel'), riskRating);
  view.showRisk(risk, locale);
  // At most two sentences aloud: the agent's two, or for a rated product its first and the risk check
  // (an older agent sends none to say: then the first sentence).
  const lines = risk
    ? [shortSpeech(answer.text, locale), view.riskResult.textContent ?? '']
    : [answer.spoken ?? shortSpeech(answer.text, locale)];
  return { risk, lines };
}
