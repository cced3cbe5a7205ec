// The main thread's side of the serial port's thread (port-thread.ts): starts it, keeps the liveness
// counter moving while this event loop runs, and posts it the heartbeat period.
import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import { backoffDelay } from '../retry/backoff.ts';
import { ALIVE_BEAT_MS, type ToPortThread } from './port-thread-messages.ts';
import type { SharedPort } from './shared-port.ts';

/**
 * The thread's entry. The service bundler (scripts/lib/node-bundle.ts) builds it as a bundle of its own
 * beside the service's and points this URL at it (`.mjs`); from the sources it is TypeScript, run by tsx.
 */
const ENTRY = new URL('./port-thread.ts', import.meta.url);

/** A worker cannot start on a .ts file under tsx's --import hooks (tsx issue 354): it registers them itself. */
const BOOT = `const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.entry);
})();`;

export class PortThread {
  private worker: Worker | null = null;
  private alive: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private lastHeartbeat: ToPortThread | null = null;
  private readyWaiters: (() => void)[] = [];
  private restarts = 0;

  constructor(
    private readonly fd: SharedPort,
    private readonly logger: Logger,
  ) {}

  /** Starts the thread; `onReady` runs once it listens (or failed to start: HALTs then go from this thread alone). */
  start(onReady?: () => void): void {
    this.stopped = false;
    if (onReady) this.readyWaiters.push(onReady);
    if (this.worker) return;
    const tsx = ENTRY.pathname.endsWith('.ts') ? tsxApi() : null;
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: { shared: this.fd.buffer, entry: ENTRY.href, tsx },
    });
    // The port keeps the process alive while it is open; the thread alone does not.
    worker.unref();
    worker.on('message', (m: { type?: string }) => {
      if (m.type !== 'ready') return;
      this.restarts = 0;
      this.ready();
    });
    worker.on('error', (err) => {
      this.logger.error({ msg: 'serial port thread failed', err: err.message });
      this.ready();
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.stopped) return;
      // Meanwhile no heartbeat goes out and the firmware's watchdog stops the arm: a safe failure. The
      // restart takes the serial port's own reopen timings.
      const delay = backoffDelay(this.restarts++, { baseMs: 20, capMs: 1000, jitter: { spread: 0.25 } });
      if (this.restarts === 1 || this.restarts % 20 === 0)
        this.logger.error({ msg: 'serial port thread exited; starting it again', restarts: this.restarts });
      setTimeout(() => !this.stopped && this.start(), delay).unref();
    });
    this.worker = worker;
    // A restarted thread takes up the heartbeat (a HALT to repeat is in the shared memory).
    if (this.lastHeartbeat) worker.postMessage(this.lastHeartbeat);
    this.alive ??= setInterval(() => this.fd.beat(), ALIVE_BEAT_MS);
    this.alive.unref();
  }

  private ready(): void {
    for (const w of this.readyWaiters.splice(0)) w();
  }

  post(m: ToPortThread): void {
    if (m.type === 'heartbeat') this.lastHeartbeat = m.periodMs === null ? null : m;
    this.worker?.postMessage(m);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.alive) clearInterval(this.alive);
    this.alive = null;
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}

/** Where tsx's register() is, for a thread started from the TypeScript sources. */
function tsxApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return 'tsx/esm/api'; // resolved from the working folder, as in the repository's tests
  }
}
