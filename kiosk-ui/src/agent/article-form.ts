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
}

export type FormResult =
  | { ok: true; draft: KnowledgeArticleDraft }
  | { ok: false; field: keyof ArticleFormValues; message: MessageKey; vars?: Record<string, string> };

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

/** Comma-separated tags (ASCII or Chinese commas), trimmed, without empties or repeats. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function formValues(a: KnowledgeArticle): ArticleFormValues {
  return {
    title: a.title,
    body: a.body,
    tags: a.tags.join(', '),
    effectiveFrom: toLocalInput(a.effectiveFrom),
    effectiveTo: toLocalInput(a.effectiveTo),
    risk: a.productRiskLevel ?? '',
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
    },
  };
}
