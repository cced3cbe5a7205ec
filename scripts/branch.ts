// `npm start`: the whole branch in simulation on one machine ("branch in a box"): the hub on SQLite, the
// arm firmware simulator on a real pty, the device-agent with virtual card reader and GPIO, and the pages.
// With agent.mode "hardware" the agent drives the configured card reader, GPIO and serial port instead,
// every one checked before anything starts, and no simulator runs.
import { startSimulatorProcess } from '@branch/firmware-bridge';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startService, type RunningService } from './lib/child-service.ts';
import { startRestarting } from './lib/restarting-service.ts';
import { formatLogLine } from './lib/log-format.ts';
import { loadConfig } from './lib/config.ts';
import { bundleForNode } from './lib/node-bundle.ts';
import { requireHardware } from './lib/hardware-check.ts';
import { requireCommand, requireFreePort, requireWritableDir } from './lib/preflight.ts';
import { loadOrCreateSecrets, secretsFile } from './lib/secrets.ts';
import { agentServiceOptions, hubServiceOptions, turnSecret } from './lib/service-options.ts';
import { startTurnServer } from './lib/turn-server.ts';
import { printBanner } from './lib/banner.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const staticDir = join(root, 'kiosk-ui', 'dist');
const buildDir = join(root, '.build', 'services');
const color = process.stdout.isTTY === true;
const out = (line: string): void => void process.stdout.write(`${line}\n`);

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const startedAt = performance.now();
  const { config, source } = loadConfig();
  const dataDir = resolve(config.dataDir);
  requireWritableDir(dataDir, 'dataDir');
  const hardware = config.agent.mode === 'hardware';
  // Hardware mode never falls back to the simulator: a missing device stops the start here.
  if (hardware) await requireHardware(config);
  const simulate = !hardware && config.simulator.enabled;
  if (simulate) requireCommand('socat', ['-V'], 'socat');
  if (config.turn.enabled) requireCommand('turnserver', ['--version'], 'coturn');
  await requireFreePort(config.hub.host, config.hub.port, 'hub.port');
  await requireFreePort(config.agent.host, config.agent.port, 'agent.port');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`kiosk-ui is not built (${staticDir} has no index.html): run \`npm run build\``);
  }
  const { secrets, created } = loadOrCreateSecrets(dataDir);
  out(`branch: config from ${source}; data in ${dataDir}${created ? ' (new secrets made)' : ''}`);
  out(`branch: agent in ${config.agent.mode} mode`);

  const running: Stoppable[] = [];
  let stopping = false;
  const shutdown = async (code: number, why: string): Promise<never> => {
    if (!stopping) {
      stopping = true;
      out(`branch: stopping (${why})`);
      // Agent first (it halts the arm and flushes its outbox), then the simulator, then the hub.
      for (const service of [...running].reverse()) {
        await service
          .stop()
          .catch((err: unknown) => out(`branch: ${service.name}: ${(err as Error).message}`));
      }
      out('branch: stopped');
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0, 'Ctrl-C'));
  process.on('SIGTERM', () => void shutdown(0, 'SIGTERM'));
  const watch = (service: RunningService): void => {
    void service.exited.then((code) => {
      if (!stopping) void shutdown(1, `${service.name} exited unexpectedly with code ${code}`);
    });
  };

  const sink = out;
  // Services run as plain-node bundles of their TypeScript (no tsx loader in each process).
  const [hubScript, agentScript] = [join(buildDir, 'hub.mjs'), join(buildDir, 'agent.mjs')];
  await Promise.all([
    bundleForNode(join(root, 'scripts/services/hub.ts'), hubScript),
    bundleForNode(join(root, 'scripts/services/agent.ts'), agentScript),
  ]);
  const hubOptions = hubServiceOptions(config, secrets, dataDir, staticDir);
  let turnUrl: string | null = null;
  if (config.turn.enabled) {
    // Before the hub: a call may start as soon as the hub is up.
    const turn = await startTurnServer(
      { ...config.turn, secret: turnSecret(secrets), dir: join(dataDir, 'turn') },
      sink,
      color,
    );
    running.push({ name: 'turn', stop: () => turn.stop() });
    void turn.exited.then((code) => {
      if (!stopping) out(`branch: turnserver exited with code ${code}; calls that need a relay fail`);
    });
    turnUrl = turn.urls[0] ?? null;
  }
  // A restarted hub keeps the port the first one got, so the agent's hub URL stays right.
  const hub = await startRestarting(
    'hub',
    hubScript,
    (first) =>
      first === null ? hubOptions : { ...hubOptions, port: Number(new URL(String(first.url)).port) },
    sink,
    color,
    (line) => out(`branch: ${line}`),
  );
  running.push(hub);
  const hubUrl = String(hub.ready.url);

  let armPath = config.arm.port;
  let simControl: string | null = null;
  if (simulate) {
    const sim = await startSimulatorProcess({
      dialect: config.simulator.dialect,
      onLog: (line) => sink(formatLogLine('sim', line, color)),
    });
    running.push({ name: 'sim', stop: () => sim.stop() });
    // Like an unplugged arm: the kiosk keeps serving customers; the agent reports the arm offline.
    void sim.exited.then((code) => {
      if (!stopping) out(`branch: simulator exited with code ${code}; the arm is offline until restart`);
    });
    armPath = sim.port;
    simControl = sim.control.url;
  }

  const agent = await startService(
    'agent',
    agentScript,
    agentServiceOptions(config, secrets, dataDir, staticDir, hubUrl, armPath, simControl ?? undefined),
    sink,
    color,
  );
  running.push(agent);
  watch(agent);
  const agentUrl = String(agent.ready.url);
  const techUrl = String(agent.ready.techUrl);
  const readySeconds = (performance.now() - startedAt) / 1000;

  const runtime = {
    startedAt: new Date().toISOString(),
    launcherPid: process.pid,
    readySeconds,
    hub: { url: hubUrl, pid: hub.pid() },
    agent: { url: agentUrl, pid: agent.child.pid },
    simulator: simControl === null ? null : { port: armPath, control: simControl },
    turn: turnUrl,
    pages: {
      kiosk: `${agentUrl}/`,
      sim: hardware ? null : `${agentUrl}/sim`,
      agentConsole: `${hubUrl}/agent`,
      technician: `${techUrl}/tech`,
    },
  };
  writeFileSync(join(dataDir, 'runtime.json'), `${JSON.stringify(runtime, null, 2)}\n`);
  printBanner(out, runtime.pages, secretsFile(dataDir), armPath);
  out(`branch: kiosk ready in ${readySeconds.toFixed(2)} s`);
}

main().catch((err: unknown) => {
  for (const line of (err as Error).message.split('\n')) out(`branch: ${line}`);
  process.exit(1);
});
