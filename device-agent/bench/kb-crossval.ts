// `npm run kb:crossval -w device-agent`: five-fold cross-validation on the training split, a larger
// held-out check of generalisation than the dev split alone (the test split is never read). Each fold
// trains on the articles plus the other four fifths and is scored on its own fifth; the understander's
// settings are the committed ones, or those overridden by a JSON argument
// (`-- '{"unseenWeight":1}'`) to compare settings away from dev. Prints the pooled figures and the misses.
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { evaluateUnderstanding, type EvaluationMiss } from '../src/kb/evaluate-understanding.ts';
import { createUnderstander } from '../src/kb/understand-question.ts';
import { KB_SETTINGS } from '../src/kb/kb-settings.ts';
import { createChineseSegmenter } from '../src/knowledge/chinese-segmenter.ts';
import { loadTrainingExamples, segmenterWords } from '../src/knowledge/kiosk-understander.ts';

const FOLDS = 5;
const settings = { ...KB_SETTINGS, ...(JSON.parse(process.argv[2] ?? '{}') as Partial<typeof KB_SETTINGS>) };
const all = loadTrainingExamples();
const segmenter = createChineseSegmenter(segmenterWords(DEFAULT_ARTICLES));
const tally = new Map<string, { n: number; ok: number }>();
const misses: EvaluationMiss[] = [];
for (let k = 0; k < FOLDS; k++) {
  const held = all.filter((_, i) => i % FOLDS === k);
  const rest = all.filter((_, i) => i % FOLDS !== k);
  const u = createUnderstander(DEFAULT_ARTICLES, rest, segmenter, settings);
  const r = evaluateUnderstanding(held, (q, locale) => u.understand(q, locale));
  misses.push(...r.misses);
  for (const q of held) {
    const key = q.expect === 'none' ? 'none' : q.locale;
    const s = tally.get(key) ?? { n: 0, ok: 0 };
    s.n += 1;
    if (!r.misses.some((m) => m.q === q.q && m.locale === q.locale)) s.ok += 1;
    tally.set(key, s);
  }
}
const figures = Object.fromEntries(
  [...tally].map(([key, s]) => [key, Math.round((s.ok / s.n) * 1000) / 1000]),
);
console.log(JSON.stringify({ total: all.length, figures, misses }, null, 2));
