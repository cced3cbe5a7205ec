// Composes the technician API's dependencies (TechDeps) from the agent's parts: sign-in, safety,
// inventory, live status, self-test, runbooks, jog, history and the diagnostic bundle.
import type { KioskSync } from '@branch/cloud-sync';
import { FIXTURES, forwardKinematics, type ArmController, type Telemetry } from '@branch/firmware-bridge';
import type { CardReader } from '../card/card-reader.ts';
import type { ResolvedAgentOptions } from '../config/agent-options.ts';
import type { Gpio } from '../gpio/gpio.ts';
import type { JogController } from '../jog/jog-controller.ts';
import type { Logger } from 'pino';
import type { LogRing } from '../log/agent-logger.ts';
import type { DeviceStatusSource } from '../runbook/device-status.ts';
import type { RunbookService } from '../runbook/runbook-service.ts';
import type { SafetyController } from '../safety/safety-controller.ts';
import type { Db } from '../store/open-database.ts';
import type { SafetyEventStore } from '../store/safety-event-store.ts';
import { BundleBuilder } from '../tech/diagnostic-bundle.ts';
import type { HistoryEntry, Inventory, LiveStatus, SelfTestReport, TechDeps } from '../tech/tech-deps.ts';
import type { TechnicianAuth } from '../tech/technician-auth.ts';
import { AGENT_VERSION } from '../version.ts';

export interface TechParts {
  options: ResolvedAgentOptions;
  auth: TechnicianAuth;
  safety: SafetyController;
  safetyEvents: SafetyEventStore;
  arm: ArmController;
  sync: KioskSync;
  cardReader: CardReader;
  gpio: Gpio;
  db: Db;
  devices: DeviceStatusSource;
  runbooks: RunbookService;
  jog: JogController;
  logRing: LogRing | null;
  metrics: () => string;
  startedAt: number;
  /** Where a technician's safety reset is logged, accepted or not. */
  logger: Pick<Logger, 'info'>;
}

/** Options as they may appear in a bundle: secrets (card key, hub token, PIN hash) left out. */
function redactedOptions(o: ResolvedAgentOptions): Record<string, unknown> {
  const { cardKey: _k, hub, technician, logger, ...rest } = o;
  return {
    ...rest,
    hub: { url: hub.url, token: '[secret]' },
    technician: { ...technician, pinHash: '[secret]' },
    logger: 'level' in logger ? logger : '[caller logger]',
  };
}

export function techConsole(p: TechParts): TechDeps & { close(): void } {
  const o = p.options;
  const status = (): LiveStatus => {
    const sync = p.sync.status();
    return {
      safety: { state: p.safety.state(), cause: p.safety.cause(), inputs: p.safety.inputs() },
      available: p.safety.availability().available,
      arm: p.arm.status(),
      cardReader: { kind: p.cardReader.kind, attached: p.cardReader.attached() },
      sync: { state: sync.state, pending: sync.pending },
      runbook: p.runbooks.current(),
      jog: p.jog.current(),
    };
  };
  const inventory = async (): Promise<Inventory> => {
    const arm = p.arm.status();
    const fixtures = await Promise.all(
      Object.values(FIXTURES).map(async (f) => {
        const state = await p.devices.state(f.name).catch((err: Error) => `unknown (${err.message})`);
        return { name: f.name, kind: `fixture:${f.kind}`, firmware: null, state, detail: f.description };
      }),
    );
    return {
      agent: {
        version: AGENT_VERSION,
        node: process.version,
        kioskId: o.kioskId,
        mode: o.mode,
        startedAt: new Date(p.startedAt).toISOString(),
      },
      devices: [
        {
          name: 'arm',
          kind: `arm:${o.arm.dialect}`,
          firmware: arm.firmware
            ? `${arm.firmware.firmwareId} (protocol ${arm.firmware.protocolVersion})`
            : null,
          state: `${arm.state}, link ${arm.link}`,
          detail: arm.firmware ? `capabilities: ${arm.firmware.capabilities.join(', ')}` : 'no HELLO yet',
        },
        {
          name: 'card_reader',
          kind: `card_reader:${p.cardReader.kind}`,
          firmware: null,
          state: p.cardReader.attached() ? 'attached' : 'detached',
        },
        {
          name: 'gpio',
          kind: `gpio:${o.gpio.kind}`,
          firmware: null,
          state: p.safety.state(),
          detail: JSON.stringify(o.gpio.pins),
        },
        ...fixtures,
      ],
    };
  };
  const selfTest = async (): Promise<SelfTestReport> => {
    const arm = await p.arm.selfTest().catch((err: Error) => ({
      ok: false as const,
      checks: [{ name: 'arm', ok: false, detail: err.message }],
    }));
    let dbOk = true;
    try {
      p.db.prepare('SELECT 1').get();
    } catch {
      dbOk = false;
    }
    const devices = await Promise.all(
      Object.keys(FIXTURES).map(async (name) => {
        try {
          return { name: `device:${name}`, ok: true, detail: await p.devices.state(name) };
        } catch (err) {
          return { name: `device:${name}`, ok: false, detail: (err as Error).message };
        }
      }),
    );
    const checks = [
      {
        name: 'card_reader',
        ok: p.cardReader.attached(),
        detail: p.cardReader.attached() ? 'attached' : 'not attached',
      },
      {
        name: 'estop',
        ok: !p.safety.inputs().estopPressed,
        detail: p.safety.inputs().estopPressed ? 'pressed' : 'released',
      },
      { name: 'storage', ok: dbOk, detail: dbOk ? 'agent.sqlite answers' : 'agent.sqlite does not answer' },
      { name: 'sync', ok: p.sync.status().state !== 'error', detail: p.sync.status().state },
      ...devices,
    ];
    return { ok: arm.ok && checks.every((c) => c.ok), at: new Date().toISOString(), arm, checks };
  };
  const history = (limit: number): HistoryEntry[] => {
    const safety = p.safetyEvents
      .recent(limit)
      .map((e): HistoryEntry => ({ at: e.at, kind: 'safety', summary: `${e.from} -> ${e.to} (${e.cause})` }));
    const runs = p.runbooks.history(limit).map((r): HistoryEntry => ({
      at: r.endedAt,
      kind: 'runbook',
      summary: `${r.runbookId}: ${r.status}${r.message ? ` (${r.message})` : ''}`,
    }));
    return [...safety, ...runs].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  };
  const bundles = new BundleBuilder(() => ({
    stages: [
      [
        'agent',
        () => ({ version: AGENT_VERSION, node: process.version, uptimeS: (Date.now() - p.startedAt) / 1000 }),
      ],
      ['config', () => redactedOptions(o)],
      ['inventory', inventory],
      ['status', status],
      ['safetyEvents', () => p.safetyEvents.recent(1000)],
      ['runbookRuns', () => p.runbooks.history(200)],
      ['metrics', () => p.metrics()],
      [
        'logs',
        () => p.logRing?.snapshot() ?? ['(the agent logs through a caller-supplied logger; see its output)'],
      ],
    ],
  }));

  const telemetryListeners = new Set<Parameters<TechDeps['onTelemetry']>[0]>();
  const unsubscribeArm = p.arm.on((e) => {
    if (e.type !== 'telemetry' || telemetryListeners.size === 0) return;
    const t: Telemetry = e.telemetry;
    const tool = forwardKinematics(t.positions);
    for (const l of [...telemetryListeners])
      l({
        t: t.t,
        positions: t.positions,
        velocities: t.velocities,
        currents: t.currents,
        temperatures: t.temperatures,
        tool,
      });
  });

  return {
    login: (pin, user, client) => p.auth.login(pin, user, client),
    verify: (token) => p.auth.verify(token),
    whoIs: (token) => p.auth.whoIs(token),
    signOut: (token) => p.auth.signOut(token),
    reset: (by) => {
      const r = p.safety.reset(by);
      p.logger.info({ accepted: r.ok, reason: r.ok ? undefined : r.reason }, 'technician safety reset');
      return r;
    },
    safetyEvents: (limit) => p.safetyEvents.recent(limit),
    inventory,
    status,
    selfTest,
    runbooks: () => p.runbooks.list(),
    startRunbook: (id, by) => p.runbooks.start(id, by),
    abortRunbook: (runId) => p.runbooks.abort(runId, 'aborted by the technician'),
    runHistory: (limit) => p.runbooks.history(limit),
    history,
    jogStart: (req, by) => p.jog.start(req, by),
    jogHeartbeat: (id) => p.jog.heartbeat(id),
    jogStop: (id) => p.jog.stop(id, 'released'),
    bundleStart: () => bundles.start(),
    bundleState: (id) => bundles.state(id),
    bundleBody: (id) => bundles.body(id),
    onTelemetry: (l) => {
      telemetryListeners.add(l);
      return () => telemetryListeners.delete(l);
    },
    onProgress: (l) => p.runbooks.onProgress(l),
    onJog: (l) => p.jog.onEvent(l),
    onTransition: (l) => p.safety.onTransitionEvent(l),
    onBundle: (l) => bundles.onProgress(l),
    close: () => unsubscribeArm(),
  };
}
