// Assembles the agent from its parts. The arm and sync factories are passed in, so this module names
// only the interfaces of firmware-bridge and cloud-sync; start-agent.ts supplies the real ones.
import { getRequestListener } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { KioskSync } from '@branch/cloud-sync';
import { FIXTURES, HOME_POSE, type ArmController } from '@branch/firmware-bridge';
import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CardService } from '../card/card-service.ts';
import { AgentOptionsSchema, type AgentOptions } from '../config/agent-options.ts';
import { createApp } from '../http/app.ts';
import { startVoice } from '../voice/espeak-voice.ts';
import { listenerHosts } from '../http/same-origin.ts';
import { createTechApp } from '../http/tech-app.ts';
import { JogController } from '../jog/jog-controller.ts';
import { createAgentLogger, flushLogger, LogRing } from '../log/agent-logger.ts';
import { NoDeviceStatus, SimulatorDeviceStatus, type DeviceStatusSource } from '../runbook/device-status.ts';
import { BUILTIN_RUNBOOKS } from '../runbook/builtin-runbooks.ts';
import { loadRunbooks } from '../runbook/runbook-schema.ts';
import { RunbookService } from '../runbook/runbook-service.ts';
import { RunbookStore } from '../runbook/runbook-store.ts';
import { TechWs } from '../ws/tech-ws.ts';
import { kioskSyncOptions, type AgentSyncOptions } from './hub-link.ts';
import { techConsole } from './tech-console.ts';
import { Metrics } from '../obs/metrics.ts';
import { SafetyController } from '../safety/safety-controller.ts';
import { SessionService } from '../session/session-service.ts';
import { loadSegmenterDictionary } from '../knowledge/chinese-segmenter.ts';
import { HandoffRelay } from '../handoff/handoff-relay.ts';
import { ConversationStore } from '../store/conversation-store.ts';
import { openDatabase, type Db } from '../store/open-database.ts';
import { SafetyEventStore } from '../store/safety-event-store.ts';
import { TechnicianAuth, technicianAccounts } from '../tech/technician-auth.ts';
import { AGENT_VERSION } from '../version.ts';
import { WsGateway } from '../ws/ws-gateway.ts';
import { newBootToken } from '../http/boot-token.ts';
import { CustomerPresence } from '../gpio/customer-presence.ts';
import { keepConnected } from '../arm/keep-connected.ts';
import { buildDrivers, type Drivers } from './drivers.ts';
import { closeServer, listen, urlOf, withRequestTimeouts } from './listen.ts';
import { createTechServer, techClientOf } from './tech-server.ts';
import { health, registerGauges } from './observability.ts';
import { simControls } from './sim-controls.ts';

export interface AgentFactories {
  openArm(options: {
    dialect: 'binary' | 'gcode';
    path: string;
    baudRate?: number;
    logger?: Logger;
  }): ArmController;
  openKioskSync(db: Db, options: AgentSyncOptions): KioskSync;
}

export interface RunningAgent {
  /** http://host:port of the kiosk API (pages, /ws, /healthz, /metrics, /sim/api). */
  url: string;
  /** http(s)://host:port of the technician console (/tech) and API (/tech/api, /tech/ws); https with TLS. */
  techUrl: string;
  close(): Promise<void>;
}

export async function composeAgent(input: AgentOptions, factories: AgentFactories): Promise<RunningAgent> {
  const parsed = AgentOptionsSchema.safeParse(input);
  if (!parsed.success) throw new Error(`invalid agent options: ${z.prettifyError(parsed.error)}`);
  const o = parsed.data;
  const logRing = 'child' in o.logger ? null : new LogRing();
  const logger = createAgentLogger(o.logger, undefined, logRing ?? undefined);
  const cleanup: (() => Promise<void> | void)[] = [];
  const unwind = async () => {
    for (const f of cleanup.reverse()) await Promise.resolve(f()).catch(() => undefined);
  };
  try {
    const db = openDatabase(o.dataDir);
    cleanup.push(() => void db.close());
    const drivers: Drivers = await buildDrivers(o, logger);
    cleanup.push(
      () => drivers.gpio.close(),
      () => drivers.cardReader.close(),
    );

    // The word dictionary (about 0.1 s in one go) before the arm's link exists: once it is up, a block of
    // 100 ms stops the heartbeat and the firmware halts the arm.
    loadSegmenterDictionary();
    const arm = factories.openArm({
      dialect: o.arm.dialect,
      path: o.arm.path,
      baudRate: o.arm.baudRate,
      logger: logger.child({ c: 'arm' }),
    });
    cleanup.push(() => arm.close());
    const sync = factories.openKioskSync(db, kioskSyncOptions(o, logger.child({ c: 'sync' })));
    cleanup.push(() => sync.stop());

    const metrics = new Metrics();
    const safetyEvents = new SafetyEventStore(db, sync.outbox, o.kioskId);
    const safety = new SafetyController({
      gpio: drivers.gpio,
      arm,
      events: safetyEvents,
      afterRecord: () => sync.nudge(),
      presenceClearMs: o.safety.presenceClearMs,
      estopDebounceMs: o.safety.estopDebounceMs,
      logger: logger.child({ c: 'safety' }),
    });
    cleanup.push(() => safety.close());
    // The customer sensor: its own debounce and listeners, never the safety supervisor's.
    const presence = new CustomerPresence(drivers.gpio, o.customerSensor);
    cleanup.push(() => presence.close());
    const transitions = metrics.counter(
      'agent_safety_transitions_total',
      'Safety transitions, by target state and cause',
    );
    safety.onTransitionEvent((t) => transitions({ to: t.to, cause: t.cause.split(':')[0] as string }));

    const conversations = new ConversationStore(db, sync.outbox, o.kioskId);
    const orphans = conversations.endOrphans(new Date().toISOString());
    if (orphans > 0)
      logger.warn({ count: orphans }, 'conversations left open by a previous run ended as abandoned');
    const sessions = new SessionService(conversations, sync, o.sessions, logger.child({ c: 'session' }));
    cleanup.push(() => sessions.endAll('abandoned'));

    const swipes = metrics.counter('agent_card_swipes_total', 'Card swipes, by result');
    let gateway: WsGateway | null = null;
    const cards = new CardService(
      drivers.cardReader,
      Buffer.from(o.cardKey, 'hex'),
      logger.child({ c: 'card' }),
      {
        onMediaInserted: () => gateway?.broadcast('CardReader.MediaInsertedEvent', {}),
        onResult: (r) => swipes({ result: r }),
        onDeviceChange: (attached) => gateway?.broadcast('CardReader.DeviceStatusChanged', { attached }),
      },
    );
    cleanup.push(() => cards.close());

    const auth = new TechnicianAuth(technicianAccounts(o.technician), o.technician.tokenTtlMs);
    const startedAt = Date.now();
    const observed = { db, safety, arm, sync, cardReader: drivers.cardReader, kioskId: o.kioskId, startedAt };
    cleanup.push(registerGauges(metrics, observed));

    const pages = o.staticDir
      ? {
          index: serveStatic({ root: o.staticDir, path: 'index.html' }),
          sim: serveStatic({ root: o.staticDir, path: 'sim.html' }),
          assets: serveStatic({ root: o.staticDir }),
        }
      : undefined;
    const devices: DeviceStatusSource =
      o.deviceStatus.kind === 'simulator'
        ? new SimulatorDeviceStatus(o.deviceStatus.url)
        : new NoDeviceStatus();
    const runnerDeps = { arm, gate: safety, devices, fixtures: FIXTURES, homePose: HOME_POSE };
    let jog: JogController | null = null;
    const runbooks = new RunbookService(
      loadRunbooks(BUILTIN_RUNBOOKS, new Set(Object.keys(FIXTURES))),
      runnerDeps,
      new RunbookStore(db, sync.outbox, o.kioskId),
      logger.child({ c: 'runbook' }),
      () => (jog?.current() ? 'a jog is running' : null),
      () => sync.nudge(),
    );
    cleanup.push(() => runbooks.close());
    jog = new JogController(arm, safety, logger.child({ c: 'jog' }), () =>
      runbooks.running() ? 'a runbook is running' : null,
    );
    const jogs = jog;
    cleanup.push(() => jogs.close());

    const tech = techConsole({
      options: o,
      auth,
      safety,
      safetyEvents,
      arm,
      sync,
      cardReader: drivers.cardReader,
      gpio: drivers.gpio,
      db,
      devices,
      runbooks,
      jog,
      logRing,
      metrics: () => metrics.render(),
      startedAt,
      logger,
    });
    cleanup.push(() => tech.close());

    // Known once listening (port 0 picks one); nothing is answered before.
    let kioskHosts: ReadonlySet<string> = new Set();
    // A fresh secret at every start: pages of an earlier boot, or of another origin, hold none.
    const bootToken = newBootToken();
    const voice = startVoice(o.voice);
    if (voice) cleanup.push(() => voice.close());
    const app = createApp({
      voice: voice ?? undefined,
      health: () => health(observed),
      metrics: () => metrics.render(),
      sim: drivers.virtual ? simControls(drivers.virtual, safety, arm, presence) : undefined,
      pages,
      allowedHosts: () => kioskHosts,
      bootToken,
    });
    const server: Server = withRequestTimeouts(createServer(getRequestListener(app.fetch)));
    gateway = new WsGateway(
      server,
      {
        sessions,
        cards,
        profiles: drivers.profiles,
        availability: () => safety.availability(),
        customerPresent: () => presence.present(),
        kioskId: o.kioskId,
        version: AGENT_VERSION,
        handoff: new HandoffRelay(
          o.hub,
          sessions,
          () => safety.availability(),
          logger.child({ c: 'handoff' }),
        ),
      },
      logger.child({ c: 'ws' }),
      metrics,
      () => kioskHosts,
      bootToken,
    );
    const gw = gateway;
    safety.onAvailability((a) => gw.broadcast('Common.StatusChanged', a));
    presence.onChange((present) => gw.broadcast('Session.PresenceChanged', { present }));

    const techApp = createTechApp(
      tech,
      techClientOf(o.technician.trustedProxies),
      o.staticDir
        ? {
            tech: serveStatic({ root: o.staticDir, path: 'tech.html' }),
            assets: serveStatic({ root: o.staticDir }),
          }
        : undefined,
    );
    const { server: techServer, tls: techTls } = createTechServer(o.technician, techApp.fetch);
    withRequestTimeouts(techServer);
    const techWs = new TechWs(techServer, tech, logger.child({ c: 'tech-ws' }));
    metrics.gauge('agent_tech_ws_connections', 'Open technician WebSocket connections', () => [
      { value: techWs.clients() },
    ]);

    const address = await listen(server, o.host, o.port);
    kioskHosts = listenerHosts(address.port, [o.host, ...o.allowedHosts]);
    cleanup.push(() => closeServer(server));
    // Upgraded sockets keep the server open: the WebSockets close first (cleanup runs in reverse).
    cleanup.push(() => gw.close());
    const techAddress = await listen(techServer, o.technician.host, o.technician.port);
    cleanup.push(() => closeServer(techServer));
    cleanup.push(() => techWs.close());
    sync.start();
    const stopConnecting = keepConnected(arm, logger.child({ c: 'arm' }));
    cleanup.push(stopConnecting);

    const url = urlOf(address);
    const techUrl = urlOf(techAddress, techTls ? 'https' : 'http');
    logger.info(
      {
        url,
        techUrl,
        mode: o.mode,
        kioskId: o.kioskId,
        safety: safety.state(),
        customerProfiles: drivers.profiles.source,
      },
      'device-agent ready',
    );
    let closing: Promise<void> | null = null;
    return {
      url,
      techUrl,
      close: () =>
        (closing ??= unwind().then(() => {
          logger.info('device-agent stopped');
          return flushLogger(logger);
        })),
    };
  } catch (err) {
    await unwind();
    logger.error({ err: { message: (err as Error).message } }, 'device-agent failed to start');
    throw err;
  }
}
