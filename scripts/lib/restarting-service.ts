// A service the branch can live without for a while (the hub): when it dies, the kiosk keeps serving
// from its local replica and outbox, and the launcher restarts the service with backoff.
// A failure the service calls permanent (a damaged database) is said once and not retried: restarting
// forever would only fill the log.
import { backoffDelay, type BackoffPolicy } from '@branch/cloud-sync/client';
import {
  ServiceStartError,
  startService,
  type LogSink,
  type ReadyMessage,
  type RunningService,
} from './child-service.ts';
import { EXIT_PERMANENT } from './service-main.ts';

/** One local service: no fleet to spread, so no jitter (1 s, 2 s, 4 s ... 30 s). */
const RESTART_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 30_000, jitter: 'none' };

export interface RestartingService {
  name: string;
  ready: ReadyMessage;
  pid(): number | undefined;
  /** True once a permanent failure ended the restarts. */
  gaveUp(): boolean;
  stop(): Promise<void>;
}

export async function startRestarting(
  name: string,
  script: string,
  /** Options for the first start, and for restarts given what the first start reported ready. */
  options: (previous: ReadyMessage | null) => unknown,
  sink: LogSink,
  color: boolean,
  say: (line: string) => void,
): Promise<RestartingService> {
  let current: RunningService = await startService(name, script, options(null), sink, color);
  const first = current.ready;
  let stopping = false;
  let failures = 0;

  const giveUp = (why: string): void => {
    stopping = true;
    given = true;
    say(`${name} stopped for good: ${why}; not restarting (fix it, then start the branch again)`);
  };
  let given = false;
  const supervise = (service: RunningService): void => {
    void service.exited.then(async (code) => {
      if (code === EXIT_PERMANENT && !stopping) {
        giveUp(`it exited with code ${code}, a failure a restart cannot fix`);
        return;
      }
      while (!stopping) {
        failures += 1;
        const delayMs = backoffDelay(failures - 1, RESTART_BACKOFF);
        say(`${name} exited with code ${code}; the kiosk keeps serving offline; restarting in ${delayMs} ms`);
        await new Promise((r) => setTimeout(r, delayMs));
        if (stopping) return;
        try {
          current = await startService(name, script, options(first), sink, color);
          failures = 0;
          say(`${name} restarted`);
          supervise(current);
          return;
        } catch (err) {
          if (err instanceof ServiceStartError && err.permanent) {
            giveUp((err as Error).message);
            return;
          }
          say(`${name} restart failed: ${(err as Error).message}`);
        }
      }
    });
  };
  supervise(current);

  return {
    name,
    ready: first,
    pid: () => current.child.pid,
    gaveUp: () => given,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
