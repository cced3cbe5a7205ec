// Every safety transition with its cause and time, stored and queued for the hub as a device event
// in one transaction.
import type { DeviceEvent, OutboxWriter } from '@branch/cloud-sync';
import { ulid } from 'ulid';
import type { SafetyState, SafetyTransition } from '../safety/safety-supervisor.ts';
import type { Db } from './open-database.ts';

export interface SafetyEventRecord {
  seq: number;
  at: string;
  from: string;
  to: string;
  cause: string;
}

const SEVERITY: Record<SafetyState, DeviceEvent['severity']> = {
  ESTOP: 'critical',
  FAULT: 'error',
  PROTECTIVE_STOP: 'warning',
  MAINTENANCE: 'warning',
  READY: 'info',
  MOVING: 'info',
};

export class SafetyEventStore {
  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxWriter,
    private readonly kioskId: string,
  ) {}

  record(t: SafetyTransition): void {
    const at = new Date(t.at).toISOString();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO safety_events (at, from_state, to_state, cause) VALUES (?, ?, ?, ?)')
        .run(at, t.from, t.to, t.cause);
      this.outbox.enqueue({
        entity: 'device_event',
        data: {
          id: ulid(),
          kioskId: this.kioskId,
          at,
          source: 'safety',
          type: 'safety.transition',
          severity: SEVERITY[t.to],
          message: `${t.from} -> ${t.to} (${t.cause})`,
          data: { from: t.from, to: t.to, cause: t.cause },
        },
      });
    })();
  }

  recent(limit = 100): SafetyEventRecord[] {
    return this.db
      .prepare(
        'SELECT seq, at, from_state AS "from", to_state AS "to", cause FROM safety_events ORDER BY seq DESC LIMIT ?',
      )
      .all(limit) as SafetyEventRecord[];
  }
}
