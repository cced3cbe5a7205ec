// Scores an answering function on labelled questions: the figures of the kb:eval command. Pure.
// An in-scope question counts as correct only when answered outright with the expected article (a
// clarifying question is counted apart); an out-of-scope question counts when it is rejected.
import { NONE, type LabelledQuestion, type Understanding } from './understand-question.ts';

export type Answerer = (
  question: string,
  locale: string,
) => Pick<Understanding, 'decision' | 'intent' | 'confidence'> & { candidates?: Understanding['candidates'] };

export interface EvaluationMiss {
  q: string;
  locale: string;
  expect: string;
  got: string;
  decision: Understanding['decision'];
  confidence: number;
}

export interface EvaluationReport {
  total: number;
  correct: number;
  inScopeAccuracy: Record<string, number>;
  outOfScopeRejection: number;
  /** In-scope questions answered with a clarifying question instead. */
  clarified: number;
  /** Of those, the ones whose two offered topics include the expected one (one tap from the answer). */
  clarifiedWithExpected: number;
  misses: EvaluationMiss[];
}

const ratio = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

export function evaluateUnderstanding(questions: LabelledQuestion[], answer: Answerer): EvaluationReport {
  const inScope = new Map<string, { n: number; ok: number }>();
  let outN = 0;
  let outOk = 0;
  let clarified = 0;
  let clarifiedWithExpected = 0;
  const misses: EvaluationMiss[] = [];
  for (const item of questions) {
    const u = answer(item.q, item.locale);
    const got = u.decision === 'none' ? NONE : u.intent;
    const ok =
      item.expect === NONE ? u.decision === 'none' : u.decision === 'answer' && u.intent === item.expect;
    if (item.expect === NONE) {
      outN += 1;
      if (ok) outOk += 1;
    } else {
      const s = inScope.get(item.locale) ?? { n: 0, ok: 0 };
      s.n += 1;
      if (ok) s.ok += 1;
      inScope.set(item.locale, s);
      if (u.decision === 'clarify') {
        clarified += 1;
        if (u.candidates?.slice(0, 2).some((c) => c.id === item.expect)) clarifiedWithExpected += 1;
      }
    }
    if (!ok)
      misses.push({ ...item, got, decision: u.decision, confidence: Math.round(u.confidence * 1000) / 1000 });
  }
  const inScopeAccuracy: Record<string, number> = {};
  for (const [locale, s] of inScope) inScopeAccuracy[locale] = ratio(s.ok, s.n);
  return {
    total: questions.length,
    correct: questions.length - misses.length,
    inScopeAccuracy,
    outOfScopeRejection: ratio(outOk, outN),
    clarified,
    clarifiedWithExpected,
    misses,
  };
}

/** Parses the labelled-question format (one JSON object per line). */
export function parseLabelledQuestions(text: string): LabelledQuestion[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const o = JSON.parse(l) as Partial<LabelledQuestion>;
      if (typeof o.q !== 'string' || typeof o.locale !== 'string' || typeof o.expect !== 'string') {
        throw new Error(`line ${i + 1}: expected {"q", "locale", "expect"}`);
      }
      return { q: o.q, locale: o.locale, expect: o.expect };
    });
}
