// Quality scores of recorded calls (schema/supervisor-api.ts), written once with `?` placeholders for
// both stores: stored per score sheet, reported per agent over a window.
import type { AgentQualityRow, QualityScore } from '../../schema/supervisor-api.ts';
import type { SqlRunner } from './recording-rows.ts';
import type { Row } from './rows.ts';

/** The table's columns, in order (also the CSV export's header). */
export const SCORE_COLUMNS = [
  'id',
  'recording_id',
  'handoff_id',
  'agent',
  'scorer',
  'at',
  'greeting',
  'identity_check',
  'suitability',
  'resolution',
  'percent',
  'notes',
] as const;
const COLUMNS = SCORE_COLUMNS.join(', ');

/** A score's values in SCORE_COLUMNS' order. */
export function scoreValues(s: QualityScore): (string | number | null)[] {
  return [
    s.id,
    s.recordingId,
    s.handoffId,
    s.agent,
    s.scorer,
    s.at,
    s.greeting,
    s.identityCheck,
    s.suitability,
    s.resolution,
    s.percent,
    s.notes,
  ];
}

function scoreFromRow(r: Row): QualityScore {
  return {
    id: String(r.id),
    recordingId: String(r.recording_id),
    handoffId: String(r.handoff_id),
    agent: String(r.agent),
    scorer: String(r.scorer),
    at: String(r.at),
    greeting: Number(r.greeting),
    identityCheck: Number(r.identity_check),
    suitability: r.suitability === null ? null : Number(r.suitability),
    resolution: Number(r.resolution),
    notes: String(r.notes),
    percent: Number(r.percent),
  };
}

const round1 = (v: unknown): number => Math.round(Number(v) * 10) / 10;
const round2 = (v: unknown): number => Math.round(Number(v) * 100) / 100;

export class QualityScoreRows {
  constructor(private readonly sql: SqlRunner) {}

  async add(s: QualityScore): Promise<void> {
    const values = scoreValues(s);
    const holes = values.map(() => '?').join(', ');
    await this.sql.run(`INSERT INTO quality_scores (${COLUMNS}) VALUES (${holes})`, values);
  }

  /** Scores given at or after `since` and before `until` (ISO), oldest first, at most `limit`. */
  async between(since: string, until: string, limit: number): Promise<QualityScore[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM quality_scores WHERE at >= ? AND at < ? ORDER BY at, id LIMIT ?`,
      [since, until, limit],
    );
    return rows.map(scoreFromRow);
  }

  /** The newest scores first. */
  async recent(limit: number): Promise<QualityScore[]> {
    const rows = await this.sql.all(
      `SELECT ${COLUMNS} FROM quality_scores ORDER BY at DESC, id DESC LIMIT ?`,
      [limit],
    );
    return rows.map(scoreFromRow);
  }

  /** Per scored agent: how many sheets and the mean percent and mark of each criterion, best first. */
  async perAgent(since: string, until: string): Promise<AgentQualityRow[]> {
    const rows = await this.sql.all(
      `SELECT agent, COUNT(*) AS scored, AVG(percent) AS avg_percent, AVG(greeting) AS greeting,
         AVG(identity_check) AS identity_check, AVG(suitability) AS suitability, AVG(resolution) AS resolution
       FROM quality_scores WHERE at >= ? AND at < ? GROUP BY agent ORDER BY AVG(percent) DESC, agent`,
      [since, until],
    );
    return rows.map((r) => ({
      agent: String(r.agent),
      scored: Number(r.scored),
      avgPercent: round1(r.avg_percent),
      greeting: round2(r.greeting),
      identityCheck: round2(r.identity_check),
      suitability: r.suitability === null ? null : round2(r.suitability),
      resolution: round2(r.resolution),
    }));
  }
}
