// Knowledge articles in a call: the agent's search over the articles in effect, and the one chosen as
// the kiosk shows it, in the customer's language, as plain text (no markup, no control or direction
// characters, a bounded length). Pure; runs anywhere.
import { isArticleInEffect, type KnowledgeArticle } from '../schema/article.ts';
import type { CallArticleHit } from '../schema/call-desk-api.ts';
import type { Locale } from '../schema/conversation.ts';
import type { CallArticle } from '../schema/handoff.ts';
import { CALL_ARTICLE_MAX } from '../wire.ts';

const HITS = 10;
const SNIPPET = 140;

/** Text only: tags and markdown links go, control and bidi-override characters go, blank runs shrink. */
export function plainArticleText(text: string, max = CALL_ARTICLE_MAX): string {
  const plain = text
    .replace(/\r\n?/g, '\n')
    // A script or style element's content is not text either.
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    // C0 controls but the newline, DEL and C1, bidi embeddings/overrides/isolates, zero-width marks.
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const para = cut.lastIndexOf('\n\n');
  return `${(para > max / 2 ? cut.slice(0, para) : cut).trimEnd()}…`;
}

function score(a: KnowledgeArticle, terms: readonly string[]): number {
  const title = a.title.toLowerCase();
  const words = [...a.tags, ...(a.synonyms ?? []), ...(a.exampleQuestions ?? [])].join('\n').toLowerCase();
  const body = a.body.toLowerCase();
  let total = 0;
  for (const term of terms) {
    const hit =
      (title.includes(term) ? 3 : 0) + (words.includes(term) ? 2 : 0) + (body.includes(term) ? 1 : 0);
    // Every term must be found somewhere: "card pin" does not match an article about cash.
    if (hit === 0) return 0;
    total += hit;
  }
  return total;
}

/**
 * The articles in effect at `now` matching every word of `q` (case-insensitive; Chinese text is matched
 * as written), best first: title over tags, synonyms and example questions over body. An empty query
 * lists them by title. `locale` keeps one language only.
 */
export function searchArticles(
  articles: readonly KnowledgeArticle[],
  q: string,
  now: Date,
  locale?: Locale,
): CallArticleHit[] {
  const live = articles.filter((a) => isArticleInEffect(a, now));
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const locales = new Map<string, Locale[]>();
  for (const a of live) locales.set(a.id, [...(locales.get(a.id) ?? []), a.locale]);
  return live
    .filter((a) => locale === undefined || a.locale === locale)
    .map((a) => ({ a, s: terms.length === 0 ? 1 : score(a, terms) }))
    .filter((x) => x.s > 0)
    .sort((x, y) => y.s - x.s || x.a.title.localeCompare(y.a.title) || x.a.locale.localeCompare(y.a.locale))
    .slice(0, HITS)
    .map(({ a }) => ({
      id: a.id,
      locale: a.locale,
      title: plainArticleText(a.title, 200),
      version: a.version,
      snippet: plainArticleText(a.body, SNIPPET),
      locales: locales.get(a.id) ?? [a.locale],
    }));
}

/** The article `id` in effect at `now` in `locale`, as the kiosk shows it; null when there is none. */
export function articleForKiosk(
  articles: readonly KnowledgeArticle[],
  id: string,
  locale: Locale,
  now: Date,
): CallArticle | null {
  const a = articles.find((x) => x.id === id && x.locale === locale && isArticleInEffect(x, now));
  if (!a) return null;
  return {
    id: a.id,
    version: a.version,
    locale: a.locale,
    title: plainArticleText(a.title, 200),
    body: plainArticleText(a.body),
  };
}
