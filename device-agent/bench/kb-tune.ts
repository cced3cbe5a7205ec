// `npm run kb:tune -w device-agent -- kb-eval/dev.jsonl`: grid search of the understander's settings on
// a labelled split (the dev split only: the test split is never tuned on). Prints the best settings to
// copy into src/kb/kb-settings.ts. The score is the mean of in-scope accuracy per locale and
// out-of-scope rejection, so neither side is traded away for the other; a clarifying question that
// offers the right topic counts half (it costs the customer one tap). The models are trained once; the
// settings only change how their evidence is weighed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { evaluateUnderstanding, parseLabelledQuestions } from '../src/kb/evaluate-understanding.ts';
import { createKioskUnderstander } from '../src/knowledge/kiosk-understander.ts';
import { decide, type TopicConfidence, type UnderstandingSettings } from '../src/kb/understand-question.ts';

const file = process.argv[2];
if (!file || /test/.test(file)) {
  console.error('usage: npm run kb:tune -w device-agent -- kb-eval/dev.jsonl (never the test split)');
  process.exit(2);
}
const questions = parseLabelledQuestions(readFileSync(resolve(process.env.INIT_CWD ?? '.', file), 'utf8'));
const steps = (from: number, to: number, by: number) =>
  Array.from(
    { length: Math.round((to - from) / by) + 1 },
    (_, i) => Math.round((from + i * by) * 1000) / 1000,
  );

type Weighing = Omit<UnderstandingSettings, 'rejectBelow' | 'closeMargin'>;
const grid: Weighing[] = steps(0, 1, 0.1).flatMap((classifierWeight) =>
  [0.05, 0.1, 0.2].flatMap((smoothing) =>
    [0, 0.5, 1].flatMap((logisticShare) =>
      [0, 0.5, 1, 2].flatMap((unseenWeight) =>
        [0, 0.5, 1].map((noneGate) => ({
          classifierWeight,
          smoothing,
          logisticShare,
          unseenWeight,
          noneGate,
        })),
      ),
    ),
  ),
);
const understander = createKioskUnderstander(DEFAULT_ARTICLES);
const inScope = questions.filter((q) => q.expect !== 'none').length;
let best: { score: number; settings: UnderstandingSettings } | undefined;
for (const weighing of grid) {
  const open = { ...weighing, rejectBelow: 0, closeMargin: 0 };
  const ranked = new Map<string, TopicConfidence[]>(
    questions.map((q) => [
      `${q.locale}\u0000${q.q}`,
      understander.understandWith(q.q, q.locale, open).candidates,
    ]),
  );
  for (const rejectBelow of steps(0.05, 0.8, 0.025)) {
    for (const closeMargin of steps(0, 0.2, 0.02)) {
      const settings = { ...weighing, rejectBelow, closeMargin };
      const r = evaluateUnderstanding(questions, (q, locale) =>
        decide(ranked.get(`${locale}\u0000${q}`) ?? [], settings),
      );
      const accuracies = Object.values(r.inScopeAccuracy);
      const accuracy =
        accuracies.reduce((a, b) => a + b, 0) / accuracies.length + (0.5 * r.clarifiedWithExpected) / inScope;
      const score = (accuracy + r.outOfScopeRejection) / 2;
      // On a tie, a wider clarify margin for the same weighing and floor: asking costs nothing on dev.
      const tie =
        best !== undefined &&
        Math.abs(score - best.score) < 1e-9 &&
        best.settings.rejectBelow === rejectBelow &&
        (Object.keys(weighing) as (keyof Weighing)[]).every((k) => best!.settings[k] === weighing[k]);
      if (best === undefined || score > best.score + 1e-9 || tie) best = { score, settings };
    }
  }
}
console.log(JSON.stringify(best, null, 2));
