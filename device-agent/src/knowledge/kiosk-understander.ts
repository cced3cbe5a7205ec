// The understander exactly as the kiosk runs it: the segmenter taught the knowledge base's own words, the
// articles' examples plus the committed training split, and the thresholds tuned on the dev split.
// Used by the session service and by the kb:eval / kb:tune commands alike.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createChineseSegmenter } from './chinese-segmenter.ts';
import { parseLabelledQuestions } from '../kb/evaluate-understanding.ts';
import { BANKING_WORDS } from '../kb/banking-words.ts';
import { KB_SETTINGS } from '../kb/kb-settings.ts';
import { runInSlices, runToEnd } from '../kb/build-steps.ts';
import {
  understanderSteps,
  type LabelledQuestion,
  type QuestionUnderstander,
  type UnderstandableArticle,
  type UnderstandingSettings,
} from '../kb/understand-question.ts';

// Resolved through the package (not this file's URL): the agent also runs as one bundled file.
const TRAIN_SPLIT = createRequire(import.meta.url).resolve('@branch/device-agent/kb-eval/train.jsonl');

let trainingExamples: LabelledQuestion[] | undefined;

/** The committed training split (off-topic questions and more phrasings of each topic). */
export function loadTrainingExamples(): LabelledQuestion[] {
  trainingExamples ??= parseLabelledQuestions(readFileSync(TRAIN_SPLIT, 'utf8'));
  return trainingExamples;
}

/** The words the segmenter is taught: the banking vocabulary and the Chinese articles' synonyms. */
export function segmenterWords(articles: UnderstandableArticle[]): string[] {
  return [
    ...BANKING_WORDS,
    ...articles.filter((a) => a.locale === 'zh-CN').flatMap((a) => [...(a.synonyms ?? [])]),
  ];
}

/** The kiosk's understander as build steps: its segmenter, its training split, the articles. */
function kioskSteps(articles: UnderstandableArticle[], settings: UnderstandingSettings) {
  const segmenter = createChineseSegmenter(segmenterWords(articles));
  return understanderSteps(articles, loadTrainingExamples(), segmenter, settings);
}

export function createKioskUnderstander(
  articles: UnderstandableArticle[],
  settings: UnderstandingSettings = KB_SETTINGS,
): QuestionUnderstander {
  return runToEnd(kioskSteps(articles, settings));
}

/**
 * The same understander built in slices that give the event loop back (build-steps.ts): the agent's
 * arm heartbeat stops when its main thread is blocked for 100 ms, and a build takes about half a second.
 * Same steps, same model as createKioskUnderstander.
 */
export function buildKioskUnderstander(
  articles: UnderstandableArticle[],
  settings: UnderstandingSettings = KB_SETTINGS,
  sliceMs?: number,
): Promise<QuestionUnderstander> {
  return runInSlices(kioskSteps(articles, settings), sliceMs);
}
