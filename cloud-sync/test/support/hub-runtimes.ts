// The hub on each runtime, for the socket contract: Node in-process (startHub) and Deno in a child
// process (bin/hub-deno.ts from the `deno` npm package). Both get one kiosk and a short keepalive.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHub } from '../../src/index.ts';
import { KIOSK_A, OPERATOR_TOKEN, TEST_ITERATIONS } from '../helpers.ts';
import { stopChild, waitForLine } from './child.ts';

export interface HubOnRuntime {
  url: string;
  /** Stops the hub as its runtime does on SIGTERM. */
  stop(): Promise<void>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const denoBin = join(dirname(createRequire(import.meta.url).resolve('deno/package.json')), 'deno');

export async function nodeHub(dataDir: string, pingIntervalMs: number): Promise<HubOnRuntime> {
  const hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    seed: { kiosks: [KIOSK_A] },
    passwordIterations: TEST_ITERATIONS,
    pingIntervalMs,
  });
  return { url: hub.url, stop: () => hub.close() };
}

export async function denoHub(
  dataDir: string,
  pingIntervalMs: number,
  env: Record<string, string> = {},
): Promise<HubOnRuntime> {
  const child: ChildProcess = spawn(denoBin, ['run', '-A', 'cloud-sync/bin/hub-deno.ts'], {
    cwd: root,
    env: {
      ...process.env,
      HUB_PORT: '0',
      HUB_STORE: 'sqlite',
      HUB_DATA_DIR: dataDir,
      HUB_SEED_ARTICLES: '0',
      HUB_OPERATOR_TOKEN: OPERATOR_TOKEN,
      HUB_SEED_KIOSKS: `${KIOSK_A.id}:${KIOSK_A.token}`,
      HUB_WS_PING_MS: String(pingIntervalMs),
      NO_COLOR: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = await waitForLine(child, (l) => l.includes('"hub.started"'), 25_000);
  return { url: (JSON.parse(started) as { url: string }).url, stop: () => stopChild(child) };
}
