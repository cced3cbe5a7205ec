// Runs one runbook at a time, fans its progress out to subscribers and stores each result.
import { ulid } from 'ulid';
import type { Logger } from 'pino';
import type { RunnerDeps } from './runbook-runner.ts';
import { RunbookRun } from './runbook-runner.ts';
import type { Runbook } from './runbook-schema.ts';
import type { RunbookStore } from './runbook-store.ts';
import type { RunProgress, RunResult } from './run-types.ts';

export type StartResult = { ok: true; runId: string } | { ok: false; reason: string; status: 404 | 409 };

export class RunbookService {
  private active: RunbookRun | null = null;
  private last: RunProgress | null = null;
  private readonly listeners = new Set<(p: RunProgress) => void>();
  private readonly byId: Map<string, Runbook>;

  constructor(
    runbooks: Runbook[],
    private readonly deps: RunnerDeps,
    private readonly store: RunbookStore,
    private readonly logger: Logger,
    /** Another motion owner (a jog) that must not overlap a run. */
    private readonly busy: () => string | null = () => null,
    private readonly afterRecord: () => void = () => undefined,
  ) {
    this.byId = new Map(runbooks.map((r) => [r.id, r]));
  }

  list(): Runbook[] {
    return [...this.byId.values()];
  }

  current(): RunProgress | null {
    return this.active ? this.last : null;
  }

  running(): boolean {
    return this.active !== null;
  }

  start(id: string, by: string): StartResult {
    const rb = this.byId.get(id);
    if (!rb) return { ok: false, reason: `no runbook named ${id}`, status: 404 };
    if (this.active)
      return { ok: false, reason: `runbook ${this.active.runbook.id} is running`, status: 409 };
    const other = this.busy();
    if (other) return { ok: false, reason: other, status: 409 };
    const run = new RunbookRun(ulid(), rb, this.deps, by, (p) => this.publish(p));
    this.active = run;
    this.logger.info({ runId: run.runId, runbook: id, by }, 'runbook started');
    void run.result.then((r) => this.finished(run, r));
    return { ok: true, runId: run.runId };
  }

  /** Resolves with the result of a run started here (for tests and the API's wait option). */
  result(runId: string): Promise<RunResult> | null {
    return this.active?.runId === runId ? this.active.result : null;
  }

  abort(runId: string | undefined, reason: string): boolean {
    if (!this.active || (runId !== undefined && this.active.runId !== runId)) return false;
    this.active.abort(reason);
    return true;
  }

  history(limit = 50) {
    return this.store.recent(limit);
  }

  onProgress(listener: (p: RunProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(p: RunProgress): void {
    this.last = p;
    for (const l of [...this.listeners]) l(p);
  }

  private finished(run: RunbookRun, r: RunResult): void {
    if (this.active === run) this.active = null;
    try {
      const ticketId = this.store.record(r, run.runbook.title, run.runbook.device);
      this.afterRecord();
      this.logger.info(
        {
          runId: r.runId,
          runbook: r.runbookId,
          status: r.status,
          failedStep: r.failedStep,
          message: r.message,
          ticketId,
        },
        'runbook finished',
      );
    } catch (err) {
      this.logger.error(
        { err: { message: (err as Error).message }, runId: r.runId },
        'runbook result not stored',
      );
    }
  }

  /** Aborts a running runbook and waits for it to settle (agent shutdown). */
  async close(): Promise<void> {
    const run = this.active;
    if (!run) return;
    run.abort('agent stopping');
    await run.result.catch(() => undefined);
  }
}
