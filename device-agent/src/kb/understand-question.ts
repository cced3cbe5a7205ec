// The kiosk's understanding core: retrieval (MiniSearch) and an intent classifier (naive Bayes) per
// locale, combined into one confidence per topic, then a decision: answer, ask which of two close
// topics was meant, or say it is not something the kiosk knows ("none"). Pure: the segmenter is injected.
import { articleIndexSteps, type ArticleIndex, type IndexableArticle } from './article-index.ts';
import { runToEnd, type BuildSteps } from './build-steps.ts';
import { cjkBigrams, cjkCharacters, createTextAnalyzer, type TextAnalyzer } from './analyze-text.ts';
import { trainIntentClassifier, type IntentClassifier, type LabelledFeatures } from './intent-classifier.ts';
import { logisticTraining } from './logistic-classifier.ts';
import type { Segmenter } from './segmenter.ts';

export interface UnderstandableArticle extends IndexableArticle {
  locale: string;
}

/** A labelled question: `expect` is an article id or "none" (not something the kiosk covers). */
export interface LabelledQuestion {
  q: string;
  locale: string;
  expect: string;
}

export interface UnderstandingSettings {
  /** Weight of the classifier's probability in the combined confidence (the rest is retrieval). */
  classifierWeight: number;
  /** Below this combined confidence the question is out of scope. */
  rejectBelow: number;
  /**
   * A higher floor for one locale's questions (each locale has its own models, so its own calibration):
   * the larger of this and rejectBelow applies.
   */
  localeFloor?: Readonly<Record<string, number>>;
  /** The classifier's additive smoothing: smaller makes a word never seen with a topic count more against it. */
  smoothing: number;
  /** Share of logistic regression in the classifier probability, the rest naive Bayes, 0..1. */
  logisticShare: number;
  /** Each word the classifier never saw counts this much for "none" (0: unseen words are ignored). */
  unseenWeight: number;
  /** How far the classifier's off-topic probability discounts the retrieval evidence too, 0..1. */
  noneGate: number;
  /** When the runner-up is within this margin of the best (and itself above rejectBelow), ask. */
  closeMargin: number;
}

export interface TopicConfidence {
  id: string;
  /** Combined confidence, 0..1. */
  confidence: number;
}

export interface Understanding {
  decision: 'answer' | 'clarify' | 'none';
  /** The best topic's article id, or "none". */
  intent: string;
  confidence: number;
  /** Best topics first (at most five). */
  candidates: TopicConfidence[];
}

export const NONE = 'none';

interface LocaleModel {
  index: ArticleIndex;
  logistic: IntentClassifier;
  /** Naive Bayes with the given smoothing (trained on first use: cheap). */
  bayes(smoothing: number): IntentClassifier;
}

/** A word or stem feature, not a single character (c:) or a character pair (b:). */
const isWordFeature = (f: string): boolean => !f.startsWith('c:') && !f.startsWith('b:');

function features(analyzer: TextAnalyzer, text: string): string[] {
  return [
    ...analyzer.terms(text),
    ...cjkCharacters(text).map((c) => `c:${c}`),
    ...cjkBigrams(text).map((b) => `b:${b}`),
  ];
}

/** One locale's models, as steps: it yields after each example's features, article and training step. */
function* trainLocale(
  articles: UnderstandableArticle[],
  examples: LabelledQuestion[],
  analyzer: TextAnalyzer,
): BuildSteps<LocaleModel> {
  const labelled: LabelledFeatures[] = [];
  for (const a of articles) {
    for (const text of [a.title, ...(a.synonyms ?? []), ...(a.exampleQuestions ?? [])]) {
      labelled.push({ label: a.id, features: features(analyzer, text) });
      yield;
    }
  }
  const ids = new Set(articles.map((a) => a.id));
  for (const e of examples) {
    if (e.expect === NONE || ids.has(e.expect)) {
      labelled.push({ label: e.expect, features: features(analyzer, e.q) });
      yield;
    }
  }
  const bayes = new Map<number, IntentClassifier>();
  const index = yield* articleIndexSteps(articles, analyzer);
  const logistic = yield* logisticTraining(labelled);
  return {
    index,
    logistic,
    bayes(smoothing) {
      const known = bayes.get(smoothing) ?? trainIntentClassifier(labelled, smoothing);
      bayes.set(smoothing, known);
      return known;
    },
  };
}

/** Both classifiers' probabilities blended: `share` of logistic regression, the rest naive Bayes. */
function blendedScores(
  model: LocaleModel,
  f: string[],
  settings: UnderstandingSettings,
): { label: string; probability: number }[] {
  // Only unseen words speak for "none": the pairs of characters across word boundaries in a long
  // question are mostly unseen, and counting them turned long, polite questions away.
  const unseen = { label: NONE, weight: settings.unseenWeight, counts: isWordFeature };
  const share = settings.logisticShare;
  const p = new Map<string, number>();
  if (share < 1)
    for (const s of model.bayes(settings.smoothing).classify(f, unseen))
      p.set(s.label, (1 - share) * s.probability);
  if (share > 0)
    for (const s of model.logistic.classify(f, unseen))
      p.set(s.label, (p.get(s.label) ?? 0) + share * s.probability);
  return [...p].map(([label, probability]) => ({ label, probability }));
}

export interface QuestionUnderstander {
  understand(question: string, locale: string): Understanding;
  /** The same with other settings on the same trained models (for tuning). */
  understandWith(question: string, locale: string, settings: UnderstandingSettings): Understanding;
  /** The question's search terms (words, stems), as the understander sees them. */
  terms(text: string): string[];
}

export function createUnderstander(
  articles: UnderstandableArticle[],
  examples: LabelledQuestion[],
  segmenter: Segmenter,
  settings: UnderstandingSettings,
): QuestionUnderstander {
  return runToEnd(understanderSteps(articles, examples, segmenter, settings));
}

/**
 * The same understander built as steps (build-steps.ts): the agent runs them in slices so training
 * never blocks its event loop long; the steps and so the models are those of createUnderstander.
 */
export function* understanderSteps(
  articles: UnderstandableArticle[],
  examples: LabelledQuestion[],
  segmenter: Segmenter,
  settings: UnderstandingSettings,
): BuildSteps<QuestionUnderstander> {
  const analyzer = createTextAnalyzer(segmenter);
  const models = new Map<string, LocaleModel>();
  for (const locale of new Set(articles.map((a) => a.locale))) {
    const pool = articles.filter((a) => a.locale === locale);
    const model = yield* trainLocale(
      pool,
      examples.filter((e) => e.locale === locale),
      analyzer,
    );
    // Naive Bayes with the settings' smoothing now, not on the first question (same counts either way).
    if (settings.logisticShare < 1) model.bayes(settings.smoothing);
    models.set(locale, model);
    yield;
  }
  const nothing: Understanding = { decision: 'none', intent: NONE, confidence: 0, candidates: [] };

  const understandWith = (question: string, locale: string, s: UnderstandingSettings): Understanding => {
    const model = models.get(locale);
    if (!model) return nothing;
    const hits = model.index.search(question);
    const f = features(analyzer, question);
    if (hits.length === 0 && model.logistic.knownShare(f) === 0) return nothing;
    const top = hits[0]?.score ?? 0;
    const retrieval = new Map(hits.map((h) => [h.id, (h.coverage * h.score) / top]));
    const w = s.classifierWeight;
    const scores = blendedScores(model, f, s);
    const offTopic = scores.find((x) => x.label === NONE)?.probability ?? 0;
    // A word match alone is weak evidence when the classifier finds the question off-topic.
    const gate = 1 - s.noneGate * offTopic;
    const candidates = scores
      .filter((x) => x.label !== NONE)
      .map((x) => ({
        id: x.label,
        confidence: w * x.probability + (1 - w) * gate * (retrieval.get(x.label) ?? 0),
      }))
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, 5);
    return decide(candidates, { ...s, rejectBelow: Math.max(s.rejectBelow, s.localeFloor?.[locale] ?? 0) });
  };

  return {
    terms: (text) => analyzer.terms(text),
    understand: (question, locale) => understandWith(question, locale, settings),
    understandWith,
  };
}

/** The decision on ranked topics: reject below the floor, ask when the two best are close, else answer. */
export function decide(
  candidates: TopicConfidence[],
  settings: Pick<UnderstandingSettings, 'rejectBelow' | 'closeMargin'>,
): Understanding {
  const [best, second] = candidates;
  if (!best || best.confidence < settings.rejectBelow) {
    return { decision: 'none', intent: NONE, confidence: best?.confidence ?? 0, candidates };
  }
  const close =
    second !== undefined &&
    second.confidence >= settings.rejectBelow &&
    best.confidence - second.confidence < settings.closeMargin;
  return { decision: close ? 'clarify' : 'answer', intent: best.id, confidence: best.confidence, candidates };
}
