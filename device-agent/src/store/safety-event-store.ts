// Every safety transition with its cause and time.
import type { SafetyTransition } from '../safety/safety-supervisor.ts';
import type { Db } from './open-database.ts';

export interface SafetyEventRecord {
  seq: number;
  at: string;
  from: string;
  to: string;
  cause: string;
}

export class SafetyEventStore {
  constructor(private readonly db: Db) {}

  record(t: SafetyTransition): void {
    this.db
      .prepare('INSERT INTO safety_events (at, from_state, to_state, cause) VALUES (?, ?, ?, ?)')
      .run(new Date(t.at).toISOString(), t.from, t.to, t.cause);
  }

  recent(limit = 100): SafetyEventRecord[] {
    return this.db
      .prepare(
        'SELECT seq, at, from_state AS "from", to_state AS "to", cause FROM safety_events ORDER BY seq DESC LIMIT ?',
      )
      .all(limit) as SafetyEventRecord[];
  }
}
