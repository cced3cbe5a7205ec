// Between the Knowledge tab's form fields and the hub's article draft. Pure (no DOM), so it is tested
// in Node. Dates are edited in the browser's local time (datetime-local) and sent as ISO UTC.
import type { KnowledgeArticle, KnowledgeArticleDraft, ProductRiskLevel } from '@branch/cloud-sync';
import type { MessageKey } from '../i18n/index.ts';

export const RISK_LEVELS: readonly ProductRiskLevel[] = ['R1', 'R2', 'R3', 'R4', 'R5'];

/** What the form holds, as strings, the way the inputs give them. */
export interface ArticleFormValues {
  title: string;
  body: string;
  tags: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** '' for none. */
  risk: string;
  /** Example questions, one per line: what the kiosk's intent classifier learns this topic from. */
  examples: string;
  /** Other words for the topic, comma-separated: what retrieval matches besides the text. */
  synonyms: string;
}

/** The article schema's limits on the understanding data (cloud-sync's schema/article.ts). */
export const LIMITS = {
  examples: { count: 60, length: 200 },
  synonyms: { count: 40, length: 60 },
} as const;

export type FormResult =
  | { ok: true; draft: KnowledgeArticleDraft }
  | {
      ok: false;
      field: keyof ArticleFormValues;
      message: MessageKey;
      /** Message keys to translate into the message (field names), and plain values (numbers). */
      vars?: Record<string, MessageKey>;
      values?: Record<string, number>;
    };

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO time to a datetime-local value (local time, to the second). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** A datetime-local value to ISO UTC; null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const d = new Date(value); // no zone in the string: read as local time
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

const distinct = (parts: string[]): string[] => [...new Set(parts.map((t) => t.trim()).filter(Boolean))];

/** Comma-separated tags (ASCII or Chinese commas), trimmed, without empties or repeats. */
export function parseTags(text: string): string[] {
  return distinct(text.split(/[,，、]/));
}

/** One entry per line, trimmed, without empties or repeats. */
export function parseLines(text: string): string[] {
  return distinct(text.split(/\r?\n/));
}

type ListField = keyof typeof LIMITS;
const LIST_LABEL: Record<ListField, MessageKey> = { examples: 'kb.examples', synonyms: 'kb.synonyms' };

/** The first way `items` breaks the schema's limits for `field`, as a form error. */
function listError(field: ListField, items: string[]): FormResult | undefined {
  const limit = LIMITS[field];
  const vars = { field: LIST_LABEL[field] };
  if (items.length > limit.count)
    return { ok: false, field, message: 'kb.tooMany', vars, values: { max: limit.count } };
  if (items.some((item) => item.length > limit.length))
    return { ok: false, field, message: 'kb.tooLong', vars, values: { max: limit.length } };
  return undefined;
}

export function formValues(a: KnowledgeArticle): ArticleFormValues {
  return {
    title: a.title,
    body: a.body,
    tags: a.tags.join(', '),
    effectiveFrom: toLocalInput(a.effectiveFrom),
    effectiveTo: toLocalInput(a.effectiveTo),
    risk: a.productRiskLevel ?? '',
    examples: (a.exampleQuestions ?? []).join('\n'),
    synonyms: (a.synonyms ?? []).join(', '),
  };
}

/**
 * The draft to publish for `base` edited as `v`. Checks what a person can get wrong in the form; the
 * hub checks everything again (lengths, tag rules) and its message is shown as it comes.
 */
export function draftFromForm(base: KnowledgeArticle, v: ArticleFormValues): FormResult {
  const title = v.title.trim();
  const body = v.body.trim();
  if (!title) return { ok: false, field: 'title', message: 'kb.required', vars: { field: 'kb.title' } };
  if (!body) return { ok: false, field: 'body', message: 'kb.required', vars: { field: 'kb.body' } };
  const from = fromLocalInput(v.effectiveFrom);
  if (!from)
    return { ok: false, field: 'effectiveFrom', message: 'kb.badDate', vars: { field: 'kb.effectiveFrom' } };
  let to: string | undefined;
  if (v.effectiveTo.trim()) {
    const parsed = fromLocalInput(v.effectiveTo);
    if (!parsed)
      return { ok: false, field: 'effectiveTo', message: 'kb.badDate', vars: { field: 'kb.effectiveTo' } };
    if (Date.parse(parsed) <= Date.parse(from))
      return { ok: false, field: 'effectiveTo', message: 'kb.dateOrder' };
    to = parsed;
  }
  const exampleQuestions = parseLines(v.examples);
  const synonyms = parseTags(v.synonyms);
  const bad = listError('examples', exampleQuestions) ?? listError('synonyms', synonyms);
  if (bad) return bad;
  const risk = RISK_LEVELS.find((r) => r === v.risk);
  return {
    ok: true,
    draft: {
      id: base.id,
      locale: base.locale,
      title,
      body,
      tags: parseTags(v.tags),
      // An unchanged field keeps its exact stored value (datetime-local drops the milliseconds).
      effectiveFrom: toLocalInput(base.effectiveFrom) === v.effectiveFrom ? base.effectiveFrom : from,
      ...(to === undefined
        ? {}
        : { effectiveTo: toLocalInput(base.effectiveTo) === v.effectiveTo ? base.effectiveTo! : to }),
      ...(risk ? { productRiskLevel: risk } : {}),
      // Kept on every edit: an article published without them is no longer recognised by the kiosk.
      ...(exampleQuestions.length > 0 ? { exampleQuestions } : {}),
      ...(synonyms.length > 0 ? { synonyms } : {}),
    },
  };
}
