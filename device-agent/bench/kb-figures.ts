// Knowledge figures for the device-agent bench, on the committed test split: the kiosk's understander
// (same factory as the session service) against today's ranker (rank-articles.ts at the kiosk's default
// answer threshold), in the same run. Run alone with `node --import tsx bench/kb-figures.ts` to print them.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { evaluateUnderstanding, parseLabelledQuestions } from '../src/kb/evaluate-understanding.ts';
import { createKioskUnderstander } from '../src/knowledge/kiosk-understander.ts';
import { rankArticles } from '../src/kb/rank-articles.ts';

const TEST_SPLIT = new URL('../kb-eval/test.jsonl', import.meta.url);
const BASELINE_THRESHOLD = 0.35; // agent-options.ts default answerThreshold
const ROUNDS = 20;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** How much the kiosk learns from: topics, example questions and synonyms of the starter articles. */
function kbSizes() {
  const count = (locale: string, f: (a: (typeof DEFAULT_ARTICLES)[number]) => number) =>
    DEFAULT_ARTICLES.filter((a) => a.locale === locale).reduce((n, a) => n + f(a), 0);
  const size = (name: string, what: string, f: (a: (typeof DEFAULT_ARTICLES)[number]) => number) => ({
    name,
    value: count('zh-CN', f) + count('en', f),
    unit: 'count',
    how: `${what} of the starter articles (DEFAULT_ARTICLES): zh-CN ${count('zh-CN', f)}, en ${count('en', f)}`,
  });
  return [
    size('kb_topics', 'articles (topic x locale)', () => 1),
    size('kb_example_questions', 'example questions', (a) => a.exampleQuestions?.length ?? 0),
    size('kb_synonyms', 'synonyms', (a) => a.synonyms?.length ?? 0),
  ];
}

export function knowledgeFigures() {
  const questions = parseLabelledQuestions(readFileSync(TEST_SPLIT, 'utf8'));
  const understander = createKioskUnderstander(DEFAULT_ARTICLES);
  const report = evaluateUnderstanding(questions, (q, locale) => understander.understand(q, locale));
  const baseline = evaluateUnderstanding(questions, (q, locale) => {
    const best = rankArticles(q, DEFAULT_ARTICLES, locale)[0];
    return best && best.confidence >= BASELINE_THRESHOLD
      ? { decision: 'answer', intent: best.article.id, confidence: best.confidence }
      : { decision: 'none', intent: 'none', confidence: best?.confidence ?? 0 };
  });
  const ms: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      understander.understand(q.q, q.locale);
      ms.push(performance.now() - t0);
    }
  }
  ms.sort((a, b) => a - b);
  const p99 = ms[Math.ceil(0.99 * ms.length) - 1] ?? 0;
  const inScope = questions.filter((q) => q.expect !== 'none');
  const inScopeOk = (r: typeof report) => inScope.length - r.misses.filter((m) => m.expect !== 'none').length;
  const topics = new Set(DEFAULT_ARTICLES.map((a) => a.id)).size;
  const split = `test split (${questions.length} questions, ${inScope.length} in scope), ${topics} topics`;
  return [
    {
      name: 'kb_in_scope_accuracy_zh',
      value: report.inScopeAccuracy['zh-CN'] ?? 0,
      unit: 'ratio',
      target: '>= 0.9',
      how: `${split}: zh-CN in-scope questions answered outright with the labelled article`,
    },
    {
      name: 'kb_in_scope_accuracy_en',
      value: report.inScopeAccuracy.en ?? 0,
      unit: 'ratio',
      target: '>= 0.9',
      how: `${split}: en in-scope questions answered outright with the labelled article`,
    },
    {
      name: 'kb_out_of_scope_rejection',
      value: report.outOfScopeRejection,
      unit: 'ratio',
      target: '>= 0.9',
      how: `${split}: out-of-scope ("none") questions the kiosk declined`,
    },
    {
      name: 'kb_answer_p99_ms',
      value: round3(p99),
      unit: 'ms',
      target: '<= 20',
      how: `${ms.length} understand() calls (${ROUNDS} rounds of the test split), wall time each, 99th percentile`,
    },
    ...kbSizes(),
    {
      name: 'kb_in_scope_accuracy',
      value: round3(inScopeOk(report) / inScope.length),
      unit: 'ratio',
      how: `${split}: both locales together, the peer of the baseline below`,
    },
    {
      name: 'kb_baseline_in_scope_accuracy',
      value: round3(inScopeOk(baseline) / inScope.length),
      unit: 'ratio',
      how: `${split}, same run: today's ranker (rank-articles.ts, threshold ${BASELINE_THRESHOLD}) over the same articles, both locales`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(knowledgeFigures(), null, 2));
