// The kiosk's understander built in slices (as the agent builds it) is the one kb:eval measures: the
// same answers to every labelled question, and the event loop ran many times during the build.
import { readFileSync } from 'node:fs';
import { DEFAULT_ARTICLES } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import { parseLabelledQuestions } from '../kb/evaluate-understanding.ts';
import { buildKioskUnderstander, createKioskUnderstander } from './kiosk-understander.ts';

const questions = ['dev.jsonl', 'test.jsonl', 'dev-colloquial.jsonl'].flatMap((f) =>
  parseLabelledQuestions(readFileSync(new URL(`../../kb-eval/${f}`, import.meta.url), 'utf8')),
);

describe('the understander built in slices', () => {
  it('lets the event loop run during the build and answers exactly as the synchronous build', async () => {
    let turns = 0;
    let building = true;
    // A callback that queues itself again: it runs once per pause of the build.
    const tick = () => {
      turns++;
      if (building) setImmediate(tick);
    };
    setImmediate(tick);
    // Slices of 0 ms: a pause after every step (each example, article and training step), on any machine.
    const sliced = await buildKioskUnderstander(DEFAULT_ARTICLES, undefined, 0);
    building = false;
    expect(turns).toBeGreaterThan(1000);

    const straight = createKioskUnderstander(DEFAULT_ARTICLES);
    expect(questions.length).toBeGreaterThan(300);
    for (const { q, locale } of questions)
      expect(sliced.understand(q, locale), q).toEqual(straight.understand(q, locale));
  });
});
