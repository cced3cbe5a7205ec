// The whole agent as its own process (agent-child.ts) against a real firmware simulator (pty) and a
// real hub, in a temporary folder: shared by the benchmark and the SIGKILL-during-motion test, which
// both need an agent they can measure or kill from outside.
import { DEFAULT_ARTICLES, startHub, type RunningHub } from '@branch/cloud-sync';
import { startSimulatorProcess, type SimulatorProcess } from '@branch/firmware-bridge';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../../scripts/lib/node-bundle.ts';
import { SERVICE_NODE_ARGS, serviceEnv } from '../../scripts/lib/service-runtime.ts';
import { hashTechnicianPin } from '../src/tech/pin-hash.ts';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'agent-child.ts');

export interface AgentProcessOptions {
  /** mkdtemp prefix of the folder holding the hub's and the agent's data. */
  tmpPrefix: string;
  kioskId: string;
  kioskToken: string;
  cardKey: string;
  techPin: string;
  /** Runbooks read device states from the simulator's control channel (else none). */
  simulatorDeviceStatus: boolean;
  /** The agent's stderr: shown ('inherit') or dropped ('ignore'). */
  stderr: 'inherit' | 'ignore';
}

export interface AgentProcess {
  sim: SimulatorProcess;
  hub: RunningHub;
  child: ChildProcess;
  url: string;
  techUrl: string;
  /** Ends the agent with `signal` if it still runs, then the hub, the simulator and the folder. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

export async function startAgentProcess(o: AgentProcessOptions): Promise<AgentProcess> {
  const dir = mkdtempSync(join(tmpdir(), o.tmpPrefix));
  let sim: SimulatorProcess | undefined;
  let hub: RunningHub | undefined;
  let child: ChildProcess | undefined;
  const stop = async (signal: NodeJS.Signals) => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const running = child;
      running.kill(signal);
      await new Promise((r) => running.once('exit', r));
    }
    await hub?.close();
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    sim = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      dataDir: join(dir, 'hub'),
      seed: { kiosks: [{ id: o.kioskId, token: o.kioskToken }], articles: DEFAULT_ARTICLES },
      passwordIterations: 1000,
    });
    const options = {
      port: 0,
      dataDir: join(dir, 'agent'),
      kioskId: o.kioskId,
      hub: { url: hub.url, token: o.kioskToken },
      cardKey: o.cardKey,
      arm: { dialect: 'binary', path: sim.port },
      technician: { pinHash: await hashTechnicianPin(o.techPin, { N: 1024, r: 8, p: 1 }), port: 0 },
      ...(o.simulatorDeviceStatus ? { deviceStatus: { kind: 'simulator', url: sim.control.url } } : {}),
      logger: { level: 'warn' },
    };
    // Run the agent the way the launcher does: a plain-node bundle, with the services' flags and allocator.
    // Under the repository, so that the bundle's npm imports resolve from its node_modules.
    const script = join(dirname(CHILD), '../../.build/device-agent/agent-child.mjs');
    await bundleForNode(CHILD, script);
    const started = spawn(process.execPath, [...SERVICE_NODE_ARGS, script], {
      env: { ...serviceEnv(), AGENT_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', o.stderr],
    });
    child = started;
    const { url, techUrl } = await new Promise<{ url: string; techUrl: string }>((resolve, reject) => {
      createInterface({ input: started.stdout as NodeJS.ReadableStream }).once('line', (l) =>
        resolve(JSON.parse(l) as { url: string; techUrl: string }),
      );
      started.once('exit', (code) => reject(new Error(`agent exited with ${code}`)));
    });
    return { sim, hub, child: started, url, techUrl, stop };
  } catch (err) {
    await stop('SIGKILL');
    throw err;
  }
}
