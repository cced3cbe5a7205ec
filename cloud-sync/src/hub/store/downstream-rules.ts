// The rules of the downstream sequences (articles, settings), the same on both stores: which
// version may be published, and how a page and its checkpoint are cut from the rows after one.
import type { PublishOutcome } from './types.ts';

/** The newest version of each (id, locale); the UNIQUE (id, locale, version) index answers the MAX. */
export const CURRENT_ARTICLES = `SELECT a.data FROM articles a
   WHERE a.version = (SELECT MAX(b.version) FROM articles b WHERE b.id = a.id AND b.locale = a.locale)
   ORDER BY a.id, a.locale`;

/** What publishing `version` with `data` does, given the stored versions, newest first; null: publish. */
export function publishVerdict(
  versions: readonly { version: number; data: string }[],
  version: number,
  data: string,
): Exclude<PublishOutcome, 'published'> | null {
  const same = versions.find((v) => v.version === version);
  if (same) return same.data === data ? 'unchanged' : 'conflict';
  if (versions.length > 0 && (versions[0] as { version: number }).version > version) return 'stale';
  return null;
}

/** A checkpoint from the future means this hub's data was replaced: start the kiosk over. */
export function sinceOf(checkpoint: string, maxSeq: number): number {
  const since = checkpoint === '' ? 0 : Number(checkpoint);
  return since > maxSeq ? 0 : since;
}

/** The first `limit` of `rows` (read with limit + 1), parsed, with the checkpoint after them. */
export function pageAfter<T>(
  rows: readonly { seq: number | string; data: string }[],
  limit: number,
  since: number,
): { items: T[]; checkpoint: string; hasMore: boolean } {
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => JSON.parse(r.data) as T),
    checkpoint: String(page.length > 0 ? Number(page[page.length - 1]?.seq) : since),
    hasMore: rows.length > limit,
  };
}
