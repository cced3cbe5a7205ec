// The logic of the Knowledge tab's missed-questions list, pure (no DOM), so it is tested in Node: which
// articles a missed question may be added to (the kiosk's best guess first), and the article version
// that carries the question as one more example (published through the ordinary publish route).
import type { KnowledgeArticle, KnowledgeArticleDraft, MissedTopic } from '@branch/cloud-sync';
import type { MessageKey } from '../i18n/index.ts';
import { LIMITS } from './article-form.ts';

export interface ArticleChoice {
  id: string;
  title: string;
}

/** Every article in the question's locale, the best guess first, then by title. */
export function articleChoices(
  articles: readonly KnowledgeArticle[],
  locale: MissedTopic['locale'],
  guess: string | null,
): ArticleChoice[] {
  const pool = articles
    .filter((a) => a.locale === locale)
    .map((a) => ({ id: a.id, title: a.title }))
    .sort((a, b) => a.title.localeCompare(b.title, locale));
  const best = pool.find((a) => a.id === guess);
  return best ? [best, ...pool.filter((a) => a !== best)] : pool;
}

export type ExampleResult =
  | { ok: true; baseVersion: number; draft: KnowledgeArticleDraft }
  | { ok: false; message: MessageKey; values?: Record<string, number> };

/**
 * The draft of `article` with `question` appended to its example questions, to publish on its current
 * version. The rest of the article stays exactly as stored.
 */
export function draftWithExample(article: KnowledgeArticle, question: string): ExampleResult {
  const text = question.trim().replace(/\s+/g, ' ');
  if (text === '') return { ok: false, message: 'kb.exampleEmpty' };
  const examples = article.exampleQuestions ?? [];
  const same = (e: string) => e.trim().toLowerCase() === text.toLowerCase();
  if (examples.some(same)) return { ok: false, message: 'kb.exampleThere' };
  if (text.length > LIMITS.examples.length)
    return { ok: false, message: 'kb.exampleTooLong', values: { max: LIMITS.examples.length } };
  if (examples.length >= LIMITS.examples.count)
    return { ok: false, message: 'kb.exampleFull', values: { max: LIMITS.examples.count } };
  const { version, ...rest } = article;
  return { ok: true, baseVersion: version, draft: { ...rest, exampleQuestions: [...examples, text] } };
}

/** How many questions of a topic the kiosks did not answer outright. */
export const missCount = (t: Pick<MissedTopic, 'missed' | 'clarified'>): number => t.missed + t.clarified;
