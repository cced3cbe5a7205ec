// The shared main of a service process: receive its options over IPC from the launcher (or, started by
// systemd with no IPC channel, build them from kiosk.config.json and the secrets file), start, report
// ready (IPC message, or sd_notify READY=1 and watchdog pings), and shut down cleanly on SIGTERM/SIGINT.
// A start-up failure is one clear line and exit code 1, or EXIT_PERMANENT when the error says no restart
// can fix it (a damaged database file).
import { livenessProbe, sdNotify, startWatchdog } from './sd-notify.ts';

/** Exit code of a start-up failure that restarting will not fix (sysexits' EX_CONFIG). */
export const EXIT_PERMANENT = 78;

/** How long a clean shutdown may take before the service exits anyway. */
const CLOSE_DEADLINE_MS = 8000;

/** The options message child-service.ts sends first. */
function receiveOptions<T>(timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no options received in ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (msg: unknown): void => {
      const m = msg as { type?: unknown; options?: unknown };
      if (m.type !== 'options') return;
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve(m.options as T);
    };
    process.on('message', onMessage);
  });
}

export interface StartedService {
  /** Sent to the launcher; its `url` is probed (/healthz) before each systemd watchdog ping. */
  ready: { url?: unknown } & Record<string, unknown>;
  close(): Promise<void>;
}

export async function runService<T>(
  start: (options: T) => Promise<StartedService>,
  /** Options of a service started on its own (systemd): from the config file and the secrets. */
  standalone?: () => Promise<T>,
): Promise<void> {
  const ipc = process.send !== undefined;
  if (!ipc && !standalone) {
    console.error('no IPC channel: this entry is started by scripts/branch.ts, which hands it its options');
    process.exit(2);
  }
  try {
    const options = ipc ? await receiveOptions<T>() : await (standalone as () => Promise<T>)();
    const service = await start(options);
    let closing = false;
    const shutdown = (): void => {
      if (closing) return;
      closing = true;
      void sdNotify('STOPPING=1');
      // A close that hangs (a peer that never answers) must not leave the service running.
      setTimeout(() => {
        console.error(`shutdown took over ${CLOSE_DEADLINE_MS} ms; exiting`);
        process.exit(1);
      }, CLOSE_DEADLINE_MS).unref();
      service.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(`shutdown failed: ${(err as Error).message}`);
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);
    // The orchestrator starts services in their own process group and stops them in order; if it dies
    // without doing so, the IPC channel closes and the service stops by itself instead of lingering.
    process.on('disconnect', shutdown);
    process.send?.({ type: 'ready', ...service.ready });
    if (!ipc) {
      console.log(JSON.stringify({ level: 30, time: Date.now(), msg: 'service ready', ...service.ready }));
      await sdNotify('READY=1');
      if (typeof service.ready.url === 'string') startWatchdog(livenessProbe(service.ready.url));
    }
  } catch (err) {
    const message = (err as Error).message;
    const permanent = (err as { permanent?: unknown }).permanent === true;
    process.send?.({ type: 'fatal', message, permanent });
    console.error(message);
    process.exit(permanent ? EXIT_PERMANENT : 1);
  }
}
