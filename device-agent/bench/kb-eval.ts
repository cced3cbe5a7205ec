// `npm run kb:eval -w device-agent -- FILE.jsonl`: runs the kiosk's understander (the same factory the
// session service uses) over labelled questions and prints one JSON object with the figures and misses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { evaluateUnderstanding, parseLabelledQuestions } from '../src/kb/evaluate-understanding.ts';
import { createKioskUnderstander } from '../src/knowledge/kiosk-understander.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run kb:eval -w device-agent -- FILE.jsonl');
  process.exit(2);
}
const questions = parseLabelledQuestions(readFileSync(resolve(process.env.INIT_CWD ?? '.', file), 'utf8'));
const understander = createKioskUnderstander(DEFAULT_ARTICLES);
const report = evaluateUnderstanding(questions, (q, locale) => understander.understand(q, locale));
console.log(JSON.stringify(report, null, 2));
