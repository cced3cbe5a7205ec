// createHubApp: the hub's HTTP and WebSocket core. Web-standard APIs only (Request/Response, WebCrypto,
// hono/ws), so the same app serves from Node and Deno (serve/node.ts, serve/deno.ts).
import { isStorageFullError } from './store/storage-errors.ts';
import { Hono } from 'hono';
import { routePath } from 'hono/route';
import { Hlc } from '../schema/hlc.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { DEFAULT_PBKDF2_ITERATIONS, randomToken } from './crypto.ts';
import { createLocalHubEvents, type HubEvents } from './events.ts';
import { apiError } from './http-util.ts';
import { pathHasNul } from './nul-guard.ts';
import { HubMetrics } from './metrics.ts';
import { API_SECURITY_HEADERS, withSecurityHeaders } from './security-headers.ts';
import { HandoffHub } from '../handoff/handoff-hub.ts';
import type { IceServer, IceTransportPolicy } from '../schema/handoff.ts';
import type { TurnConfig } from '../handoff/turn-credentials.ts';
import type { HandoffLimits } from '../handoff/handoff-limits.ts';
import type { HandoffBus } from '../handoff/handoff-bus.ts';
import { adminRoutes } from './routes-admin.ts';
import { agentRoutes } from './routes-agent.ts';
import { handoffRoutes } from './routes-handoff.ts';
import { recordingRoutes } from './routes-recordings.ts';
import { supervisorRoutes } from './routes-supervisor.ts';
import { DEFAULT_SERVICE_LEVEL_S } from './wallboard.ts';
import type { RecordingOptions } from './recording-files.ts';
import { syncRoutes } from './routes-sync.ts';
import { mountSockets, type HubSockets, type SocketRuntime } from './sockets.ts';
import { DEFAULT_PING_INTERVAL_MS, HUB_MOUNTS } from '../wire.ts';
import type { HubStore } from './store/types.ts';
import { DEFAULT_TICKET_SLA, type TicketSla } from '../schema/ticket-sla.ts';

export interface HubAppOptions {
  store: HubStore;
  /** Fan-out of realtime events; defaults to in-process. */
  events?: HubEvents;
  /** Handoff notes between instances (LISTEN/NOTIFY on PostgreSQL); defaults to in-process. */
  handoffBus?: HandoffBus;
  /** Bearer token for /api/admin/*; without it the admin API answers 403. */
  operatorToken?: string;
  logger?: Logger;
  /** PBKDF2 iterations for passwords hashed by this hub. Default 600,000. */
  passwordIterations?: number;
  sessionTtlMs?: number;
  maxFailedLogins?: number;
  lockoutMs?: number;
  /** Failed sign-ins one client address may make per lockout window. Default 20. */
  loginFailuresPerAddress?: number;
  /** HLC node id of this hub instance. Default: 'hub-' and a random suffix. */
  instanceId?: string;
  /** Clock, injectable for lockout tests. */
  now?: () => number;
  /** Receives the handoff core this app routes to, for the runtime's signalling socket. */
  onHandoff?: (handoff: HandoffHub) => void;
  /** STUN/TURN servers given to both ends of a call; none are needed on loopback or a LAN. */
  iceServers?: IceServer[];
  /** TURN by the REST scheme: each party gets a short-lived credential (turn-credentials.ts). */
  turn?: TurnConfig;
  /** 'relay' makes both ends use the TURN server only. Default 'all'. */
  iceTransportPolicy?: IceTransportPolicy;
  /**
   * Calls are recorded (files and retention): the handoff answer says so, the kiosk shows the notice,
   * the agent's browser uploads the recording. Absent: no call is recorded and no notice is shown.
   */
  recordings?: RecordingOptions;
  /** The runtime's WebSocket upgrade: with it the app also serves the realtime and signalling sockets. */
  sockets?: SocketRuntime;
  /** Receives the sockets' handle (connections, close), for the runtime's shutdown. */
  onSockets?: (sockets: HubSockets) => void;
  /** Keepalive ping of every socket. Default 30 s. */
  pingIntervalMs?: number;
  /** Tickets' resolution targets per kind and priority, in minutes. Default DEFAULT_TICKET_SLA. */
  ticketSla?: TicketSla;
  /** Handoff bounds (unclaimed timeout, per-kiosk limits) and the handoff core's clock, for tests. */
  handoff?: Partial<HandoffLimits> & { now?: () => number };
  /** The wallboard's service-level threshold: answered within this many seconds. Default 20. */
  serviceLevelS?: number;
}

export function createHubApp(options: HubAppOptions): Hono {
  const { store } = options;
  const log = options.logger ?? silentLogger;
  const events = options.events ?? createLocalHubEvents();
  const metrics = new HubMetrics();
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    metrics.countRequest(c.req.method, routePath(c, -1), c.res.status);
  });
  app.use('*', async (c, next) => {
    // Set before the answer is made, so every c.json/c.text answer carries them from the start.
    for (const [k, v] of Object.entries(API_SECURITY_HEADERS)) c.header(k, v);
    await next();
    // An answer built as a bare Response (none today) is given them too; a WebSocket upgrade is left alone.
    if (c.res.status !== 101 && !c.res.headers.has('content-security-policy')) {
      const headers = new Headers(c.res.headers);
      withSecurityHeaders(headers, API_SECURITY_HEADERS);
      c.res = new Response(c.res.body, { status: c.res.status, statusText: c.res.statusText, headers });
    }
  });

  // A NUL in the path would reach the store in an id (PostgreSQL refuses it): refused here, on any store.
  app.use('*', async (c, next) => {
    if (pathHasNul(c.req.url)) return apiError(c, 400, 'bad_path', 'the path holds a NUL character');
    await next();
  });

  app.onError((err, c) => {
    // A full disk is named, counted and answered 507 (retryable: the kiosk keeps the change queued).
    if (isStorageFullError(err)) {
      metrics.storageFull += 1;
      log.error({ event: 'hub.storage_full', err: err.message, path: c.req.path }, 'store is full');
      return apiError(c, 507, 'storage_full', 'the hub store is full; nothing was applied, retry later');
    }
    log.error({ event: 'hub.error', err: err.message, path: c.req.path }, 'request failed');
    return apiError(c, 500, 'internal', 'internal error; the request was not applied');
  });
  app.notFound((c) => apiError(c, 404, 'not_found', `no route for ${c.req.method} ${c.req.path}`));

  app.get('/healthz', async (c) => {
    await store.ping();
    return c.json({ status: 'ok', store: store.kind });
  });
  // For a load balancer: 503 (never an error page) while this instance cannot reach its store, so traffic
  // goes to the other instances; 200 once it can again. Liveness stays /healthz.
  app.get('/readyz', async (c) => {
    try {
      await store.ping();
      return c.json({ status: 'ready', store: store.kind });
    } catch (err) {
      log.warn({ event: 'hub.not_ready', err: (err as Error).message }, 'store unreachable');
      return c.json({ status: 'not_ready', store: store.kind, reason: 'store unreachable' }, 503);
    }
  });
  app.get('/metrics', async (c) =>
    c.text(metrics.render(await store.stats()), 200, { 'content-type': 'text/plain; version=0.0.4' }),
  );

  // One clock per instance; the node id keeps two instances' stamps apart.
  const instance = options.instanceId ?? `hub-${randomToken(6)}`;
  const hlc = new Hlc(instance);
  app.route(HUB_MOUNTS.sync, syncRoutes(store, metrics, hlc));
  const { now: handoffNow, ...limits } = options.handoff ?? {};
  const handoff = new HandoffHub({
    store,
    hlc,
    log,
    instance,
    ...(options.handoffBus ? { bus: options.handoffBus } : {}),
    limits,
    ...(handoffNow ? { now: handoffNow } : {}),
    ...(options.iceServers ? { iceServers: options.iceServers } : {}),
    ...(options.turn ? { turn: options.turn } : {}),
    ...(options.iceTransportPolicy ? { iceTransportPolicy: options.iceTransportPolicy } : {}),
    recording: options.recordings !== undefined,
  });
  const now = options.now ?? Date.now;
  app.route(
    HUB_MOUNTS.agent,
    agentRoutes(store, metrics, {
      sessionTtlMs: options.sessionTtlMs ?? 3600_000,
      maxFailedLogins: options.maxFailedLogins ?? 5,
      lockoutMs: options.lockoutMs ?? 15 * 60_000,
      failuresPerAddress: options.loginFailuresPerAddress ?? 20,
      passwordIterations: options.passwordIterations ?? DEFAULT_PBKDF2_ITERATIONS,
      now,
      hlc,
      events,
      log,
      onSignOut: () => handoff.sessions.sweep(),
      ticketSla: options.ticketSla ?? DEFAULT_TICKET_SLA,
      ...(options.recordings ? { recordings: recordingRoutes(store, handoff, options.recordings, now) } : {}),
      supervisor: supervisorRoutes(store, handoff, {
        now: handoffNow ?? now,
        serviceLevelS: options.serviceLevelS ?? DEFAULT_SERVICE_LEVEL_S,
      }),
    }),
  );
  options.onHandoff?.(handoff);
  if (options.sockets) {
    const sockets = mountSockets(app, {
      runtime: options.sockets,
      store,
      events,
      handoff,
      log,
      pingMs: options.pingIntervalMs ?? DEFAULT_PING_INTERVAL_MS,
    });
    options.onSockets?.(sockets);
  }
  app.route(HUB_MOUNTS.handoff, handoffRoutes(store, handoff));
  app.route(HUB_MOUNTS.admin, adminRoutes(store, events, metrics, options.operatorToken, now));
  return app;
}
