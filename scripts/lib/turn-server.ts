// coturn (Debian's `turnserver`, a separate process) as the TURN server of handoff calls: started with
// a configuration file of its own (mode 0600, so the shared secret is on no command line and in no
// environment), checked by connecting to its port, stopped with the branch. The hub signs each
// party's credential with the same secret (TURN REST scheme), so coturn keeps no user list.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { pipeLines, type LogSink } from './child-service.ts';

export interface TurnServerOptions {
  /** Address coturn listens and relays on (the kiosk's LAN address in a branch; loopback in a box). */
  host: string;
  port: number;
  /** The UDP ports relayed media uses. */
  minPort: number;
  maxPort: number;
  secret: string;
  /** Its configuration, pid file and database go here. */
  dir: string;
}

export interface RunningTurnServer {
  /** For the hub's HUB_TURN_URLS / turn option. */
  urls: string[];
  pid: number;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

function configText(o: TurnServerOptions): string {
  const loopback = o.host === '127.0.0.1' || o.host === '::1' || o.host === 'localhost';
  return [
    `listening-ip=${o.host}`,
    `relay-ip=${o.host}`,
    `listening-port=${o.port}`,
    `min-port=${o.minPort}`,
    `max-port=${o.maxPort}`,
    'use-auth-secret',
    `static-auth-secret=${o.secret}`,
    'realm=branch.local',
    'fingerprint',
    'no-tls',
    'no-dtls',
    'no-cli',
    'no-multicast-peers',
    'no-software-attribute',
    // Both browsers on one machine relay to each other on loopback, which coturn refuses by default.
    ...(loopback ? ['allow-loopback-peers'] : []),
    `pidfile=${join(o.dir, 'turnserver.pid')}`,
    `userdb=${join(o.dir, 'turndb')}`,
    'log-file=stdout',
    'simple-log',
    '',
  ].join('\n');
}

async function waitForPort(
  host: string,
  port: number,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`turnserver exited with code ${child.exitCode} at start`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline)
      throw new Error(`turnserver did not listen on ${host}:${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startTurnServer(
  o: TurnServerOptions,
  sink: LogSink,
  color: boolean,
): Promise<RunningTurnServer> {
  mkdirSync(o.dir, { recursive: true, mode: 0o700 });
  const conf = join(o.dir, 'turnserver.conf');
  writeFileSync(conf, configText(o), { mode: 0o600 });
  const child = spawn('turnserver', ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new Error('turnserver not found: install it with `apt-get install coturn`')
          : err,
      ),
    );
  });
  await spawned;
  pipeLines(child.stdout, 'turn', sink, color);
  pipeLines(child.stderr, 'turn', sink, color);
  try {
    await waitForPort(o.host, o.port, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const url = `${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}`;
  return {
    urls: [`turn:${url}?transport=udp`, `turn:${url}?transport=tcp`],
    pid: child.pid!,
    exited,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
