// systemd's readiness and watchdog protocol (sd_notify), spoken through Debian's `systemd-notify` program:
// Node has no Unix datagram sockets, and the npm bindings are native modules that need libsystemd headers.
// systemd-notify (v246+) waits until the manager has read each message, so a short-lived sender is still
// attributed to the service; the units set NotifyAccess=all because the sender is a child process.
import { spawn } from 'node:child_process';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';

/** True when systemd started this process with Type=notify (NOTIFY_SOCKET is set). */
export function underSystemd(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.NOTIFY_SOCKET ?? '') !== '';
}

/** Sends one state line (READY=1, WATCHDOG=1, STOPPING=1, STATUS=...); resolves whether it was sent. */
export function sdNotify(state: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!underSystemd(env)) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn('systemd-notify', [state], { stdio: 'ignore', env });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

/** The watchdog interval systemd asked for (WatchdogSec=), in ms, or null when there is none for us. */
export function watchdogIntervalMs(env: NodeJS.ProcessEnv = process.env, pid = process.pid): number | null {
  const usec = Number(env.WATCHDOG_USEC ?? '');
  if (!Number.isFinite(usec) || usec <= 0) return null;
  if ((env.WATCHDOG_PID ?? '') !== '' && Number(env.WATCHDOG_PID) !== pid) return null;
  return Math.floor(usec / 1000);
}

/**
 * Pings the watchdog at half its interval, but only while `healthy()` says so: a service whose event loop
 * runs but whose HTTP listener or store is stuck misses its pings and systemd restarts it.
 */
export function startWatchdog(
  healthy: () => Promise<boolean>,
  env: NodeJS.ProcessEnv = process.env,
): () => void {
  const interval = watchdogIntervalMs(env);
  if (interval === null || !underSystemd(env)) return () => undefined;
  const timer = setInterval(
    () => {
      void healthy().then(
        (ok) => (ok ? sdNotify('WATCHDOG=1', env) : false),
        () => false,
      );
    },
    Math.max(500, Math.floor(interval / 2)),
  );
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * The watchdog's liveness probe: the service's own /healthz answers at all within the time given. Any
 * status counts: a 503 (e-stop pressed, arm unplugged, hub store down) is a state a restart cannot fix,
 * while no answer means a stuck event loop or listener, which a restart can. Over https the probe does
 * not check the certificate (it is its own listener on loopback), and a TLS alert (mutual TLS refusing
 * a probe without a client certificate) is an answer too.
 */
export function livenessProbe(url: string, timeoutMs = 2000): () => Promise<boolean> {
  const target = new URL('/healthz', url);
  const get = target.protocol === 'https:' ? httpsGet : httpGet;
  return () =>
    new Promise((resolve) => {
      const req = get(target, { rejectUnauthorized: false, timeout: timeoutMs }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => resolve((err.code ?? '').startsWith('ERR_SSL')));
    });
}
