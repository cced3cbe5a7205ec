// Runbook results in SQLite. The run row, its device event and, for a failed run, a device-fault ticket
// for the hub are written in one transaction with their outbox entries.
import {
  encodeRunbookSteps,
  type DeviceEvent,
  type OutboxWriter,
  type TicketUpdate,
} from '@branch/cloud-sync';
import { ulid } from 'ulid';
import type { Db } from '../store/open-database.ts';
import type { RunResult, StepResult } from './run-types.ts';

const SEVERITY: Record<RunResult['status'], DeviceEvent['severity']> = {
  succeeded: 'info',
  aborted: 'warning',
  failed: 'error',
};

export interface StoredRun extends RunResult {
  ticketId: string | null;
}

interface Row {
  id: string;
  runbook_id: string;
  started_at: string;
  ended_at: string;
  status: RunResult['status'];
  started_by: string;
  failed_step: number | null;
  message: string | null;
  steps_json: string;
  ticket_id: string | null;
}

export class RunbookStore {
  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxWriter,
    private readonly kioskId: string,
  ) {}

  /** Stores the result; returns the ticket id when a device-fault ticket was queued. */
  record(r: RunResult, title: string, device: string): string | null {
    let ticketId: string | null = null;
    this.db.transaction(() => {
      // A refused precondition is not a device fault: only a failed step opens a ticket.
      if (r.status === 'failed' && (r.failedStep ?? 0) > 0) {
        ticketId = ulid();
        const ticket: TicketUpdate = {
          id: ticketId,
          kioskId: this.kioskId,
          kind: 'device_fault',
          status: 'open',
          priority: 'high',
          title: `Runbook failed: ${title}`.slice(0, 200),
          description:
            `Runbook ${r.runbookId} (run ${r.runId}) failed at step ${r.failedStep ?? '?'}: ${r.message ?? ''}`.slice(
              0,
              8000,
            ),
          device: device.slice(0, 40),
          createdAt: r.endedAt,
          updatedAt: r.endedAt,
          comments: [],
        };
        this.outbox.enqueue({ entity: 'ticket', data: ticket });
      }
      this.db
        .prepare(
          `INSERT INTO runbook_runs (id, runbook_id, started_at, ended_at, status, started_by, failed_step, message, steps_json, ticket_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          r.runId,
          r.runbookId,
          r.startedAt,
          r.endedAt,
          r.status,
          r.by,
          r.failedStep ?? null,
          r.message ?? null,
          JSON.stringify(r.steps),
          ticketId,
        );
      this.outbox.enqueue({
        entity: 'device_event',
        data: {
          id: ulid(),
          kioskId: this.kioskId,
          at: r.endedAt,
          source: 'runbook',
          type: 'runbook.result',
          severity: SEVERITY[r.status],
          message: `${r.runbookId}: ${r.status}${r.message ? ` (${r.message})` : ''}`.slice(0, 1000),
          data: {
            runId: r.runId,
            runbookId: r.runbookId,
            status: r.status,
            failedStep: r.failedStep ?? null,
            ticketId,
            // A failed run's steps travel with it, so the hub's device-fault ticket shows them.
            ...(ticketId ? encodeRunbookSteps(r.steps) : {}),
          },
        },
      });
    })();
    return ticketId;
  }

  recent(limit = 50): StoredRun[] {
    const rows = this.db
      .prepare('SELECT * FROM runbook_runs ORDER BY started_at DESC, id DESC LIMIT ?')
      .all(limit) as Row[];
    return rows.map((row) => {
      const run: StoredRun = {
        runId: row.id,
        runbookId: row.runbook_id,
        status: row.status,
        startedAt: row.started_at,
        endedAt: row.ended_at,
        by: row.started_by,
        steps: JSON.parse(row.steps_json) as StepResult[],
        ticketId: row.ticket_id,
      };
      if (row.failed_step !== null) run.failedStep = row.failed_step;
      if (row.message !== null) run.message = row.message;
      return run;
    });
  }
}
