// The diagnostic bundle: one JSON document of config (secrets left out), inventory, status, safety
// events, runbook runs and recent log lines. Built in stages that report progress; no customer data
// (no conversations, no card data, no images), and every value passes the PAN guard once more.
import { randomUUID } from 'node:crypto';
import { scrubText, scrubValue } from '../log/pan-guard.ts';
import type { BundleState } from './tech-deps.ts';

export interface BundleSource {
  /** Stage name and the function that yields its content; run in order. */
  stages: [string, () => unknown][];
}

const KEEP_MS = 10 * 60_000;

interface Entry {
  state: BundleState;
  body: string | null;
  at: number;
}

export class BundleBuilder {
  private readonly bundles = new Map<string, Entry>();
  private readonly listeners = new Set<(b: BundleState) => void>();

  constructor(private readonly source: () => BundleSource) {}

  start(): BundleState {
    this.prune();
    const id = randomUUID();
    const { stages } = this.source();
    const entry: Entry = {
      state: { id, state: 'building', done: 0, total: stages.length, stage: 'starting' },
      body: null,
      at: Date.now(),
    };
    this.bundles.set(id, entry);
    void this.build(entry, stages);
    return entry.state;
  }

  state(id: string): BundleState | null {
    return this.bundles.get(id)?.state ?? null;
  }

  body(id: string): string | null {
    return this.bundles.get(id)?.body ?? null;
  }

  onProgress(listener: (b: BundleState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async build(entry: Entry, stages: [string, () => unknown][]): Promise<void> {
    const { id } = entry.state;
    const out: Record<string, unknown> = { bundle: id, createdAt: new Date().toISOString() };
    try {
      for (const [i, [name, produce]] of stages.entries()) {
        this.update(entry, { id, state: 'building', done: i, total: stages.length, stage: name });
        // One stage per macrotask: the e-stop and heartbeat paths keep the event loop meanwhile.
        await new Promise((r) => setImmediate(r));
        out[name] = await produce();
      }
      // Every string passes the PAN guard (values, not the JSON text: a guard on the text would cut numbers).
      const body = JSON.stringify(scrubValue(out), null, 1);
      entry.body = body;
      this.update(entry, {
        id,
        state: 'ready',
        done: stages.length,
        total: stages.length,
        stage: 'ready',
        bytes: Buffer.byteLength(body),
      });
    } catch (err) {
      this.update(entry, {
        id,
        state: 'failed',
        done: entry.state.done,
        total: stages.length,
        stage: entry.state.stage,
        error: scrubText((err as Error).message).slice(0, 300),
      });
    }
  }

  private update(entry: Entry, s: BundleState): void {
    entry.state = s;
    for (const l of [...this.listeners]) l(s);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, e] of this.bundles) if (now - e.at > KEEP_MS) this.bundles.delete(id);
  }
}
