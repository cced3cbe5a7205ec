// Runs one service as its own Node process (so it can be killed, measured and restarted on its own),
// prefixes its log lines, and waits for its "ready" message on the IPC channel.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { formatLogLine } from './log-format.ts';
import { SERVICE_NODE_ARGS, serviceEnv } from './service-runtime.ts';

export interface ReadyMessage {
  type: 'ready';
  [key: string]: unknown;
}

export interface RunningService {
  name: string;
  child: ChildProcess;
  ready: ReadyMessage;
  /** Resolves with the exit code once the process has gone. */
  exited: Promise<number | null>;
  stop(graceMs?: number): Promise<void>;
}

export type LogSink = (line: string) => void;

/** A service's own start-up failure; `permanent` when it said no restart can fix it. */
export class ServiceStartError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export function pipeLines(
  stream: NodeJS.ReadableStream | null,
  name: string,
  sink: LogSink,
  color: boolean,
): void {
  if (stream === null) return;
  createInterface({ input: stream }).on('line', (line) => sink(formatLogLine(name, line, color)));
}

/**
 * Spawns `node <script>` (a bundle from node-bundle.ts) and hands it its options as the first message on
 * the IPC channel: they hold secrets, and an environment variable would show them to anyone who can read
 * the process's environment (/proc/PID/environ, `ps e`) and to every process it starts.
 */
export async function startService(
  name: string,
  script: string,
  options: unknown,
  sink: LogSink,
  color = false,
  readyTimeoutMs = 30_000,
): Promise<RunningService> {
  const child = spawn(process.execPath, [...SERVICE_NODE_ARGS, script], {
    env: serviceEnv(),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    // Own process group: the terminal's Ctrl-C reaches only the orchestrator, which stops services in order.
    detached: true,
  });
  child.send({ type: 'options', options });
  pipeLines(child.stdout, name, sink, color);
  pipeLines(child.stderr, name, sink, color);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = await new Promise<ReadyMessage>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not become ready in ${readyTimeoutMs} ms`)),
      readyTimeoutMs,
    );
    child.on('message', (msg: unknown) => {
      const m = msg as { type?: unknown; message?: unknown };
      if (m.type === 'ready') {
        clearTimeout(timer);
        resolve(msg as ReadyMessage);
      } else if (m.type === 'fatal') {
        clearTimeout(timer);
        reject(new ServiceStartError(String(m.message), (m as { permanent?: unknown }).permanent === true));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  return { name, child, ready, exited, stop };
}
