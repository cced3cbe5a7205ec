// The missed-questions read both stores share: customers' questions the kiosks did not answer outright
// (message.understanding.outcome 'miss' or 'clarify'), counted per best-guess topic and locale in a
// time window, with the newest few of each as examples. The dialects differ only in reading JSON.
import type { Locale } from '../../schema/conversation.ts';
import type { MissedTopic } from '../../schema/misses-api.ts';

/** An SQL expression reading one string field of `data` (the message JSON) at `path`. */
export type JsonField = (path: readonly string[]) => string;

export const SQLITE_JSON: JsonField = (path) => `json_extract(data, '$.${path.join('.')}')`;
export const PG_JSON: JsonField = (path) => `(data::jsonb #>> '{${path.join(',')}}')`;

/** Parameters: since, until (ISO, half-open), examples per group. `?` placeholders (numbered() for PG). */
export function missedQuestionsSql(j: JsonField): string {
  const u = (field: string) => j(['understanding', field]);
  // Most-missed first; the questions with no guess at all last among equals.
  // The LIKE keeps the JSON parsing to the customers' questions that carry an understanding at all.
  return `SELECT topic, locale, outcome, text, at, n_missed, n_clarified FROM (
      SELECT topic, locale, outcome, text, at,
        ROW_NUMBER() OVER (PARTITION BY topic, locale ORDER BY at DESC, id DESC) AS rn,
        SUM(CASE WHEN outcome = 'miss' THEN 1 ELSE 0 END) OVER (PARTITION BY topic, locale) AS n_missed,
        SUM(CASE WHEN outcome = 'clarify' THEN 1 ELSE 0 END) OVER (PARTITION BY topic, locale) AS n_clarified
      FROM (
        SELECT id, at, ${u('outcome')} AS outcome, COALESCE(${u('topic')}, '') AS topic,
          ${u('locale')} AS locale, ${j(['text'])} AS text
        FROM messages WHERE at >= ? AND at < ? AND data LIKE '%"understanding"%'
      ) q WHERE outcome IN ('miss', 'clarify')
    ) g WHERE rn <= ? ORDER BY n_missed + n_clarified DESC, topic = '', topic, locale, rn`;
}

export interface MissedRow {
  topic: string;
  locale: string;
  outcome: string;
  text: string;
  at: string;
  /** A bigint arrives from PostgreSQL as a string. */
  n_missed: number | string;
  n_clarified: number | string;
}

/** The rows (one per example, groups in order) as topics with their examples. */
export function missedTopics(rows: readonly MissedRow[]): MissedTopic[] {
  const out: MissedTopic[] = [];
  let current: MissedTopic | undefined;
  for (const r of rows) {
    const topic = r.topic === '' ? null : r.topic;
    if (!current || current.topic !== topic || current.locale !== r.locale) {
      current = {
        topic,
        locale: r.locale as Locale,
        missed: Number(r.n_missed),
        clarified: Number(r.n_clarified),
        examples: [],
      };
      out.push(current);
    }
    current.examples.push({ text: r.text, at: r.at, outcome: r.outcome === 'clarify' ? 'clarify' : 'miss' });
  }
  return out;
}
