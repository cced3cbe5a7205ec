// What both runtime adapters share: seed the store, start the events bus, build the core app (HTTP and
// both WebSockets) on the runtime's upgrade, and close it all in one order. Web-standard, like the core.
import type { Hono } from 'hono';
import type { HandoffHub } from '../../handoff/handoff-hub.ts';
import type { Logger } from '../../logger.ts';
import { createHubApp, type HubAppOptions } from '../app.ts';
import type { HubEvents } from '../events.ts';
import { hubEventsFor } from '../pg-events.ts';
import { applySeed, type HubSeed } from '../seed.ts';
import type { HubSockets, SocketRuntime } from '../sockets.ts';
import type { HubStore } from '../store/types.ts';
import { DEFAULT_PBKDF2_ITERATIONS } from '../crypto.ts';
import { startHubJobs } from './hub-jobs.ts';

export type HubCoreOptions = Omit<
  HubAppOptions,
  'store' | 'events' | 'handoffBus' | 'logger' | 'onHandoff' | 'onSockets'
> & {
  logger: Logger;
  seed?: HubSeed;
  sockets: SocketRuntime;
  /** How often the escalation job looks for tickets past their due time (HUB_TICKET_ESCALATION_S). Default 60 s. */
  ticketEscalationMs?: number;
  /** How often recordings past their retention are deleted. Default 1 h. */
  recordingSweepMs?: number;
};

export interface AssembledHub {
  app: Hono;
  events: HubEvents;
  handoff: HandoffHub;
  sockets: HubSockets;
  /** The jobs first, then the sockets (waiting for their store work), then the events bus, then the store. */
  close(): Promise<void>;
}

export async function assembleHub(
  store: HubStore,
  eventsOn: { kind: 'sqlite' } | { kind: 'postgres'; url: string; schema?: string },
  options: HubCoreOptions,
): Promise<AssembledHub> {
  // The jobs' periods are not the app's: left out of what createHubApp gets.
  const { seed, logger: log, ticketEscalationMs: _e, recordingSweepMs: _s, ...appOptions } = options;
  let closeEvents = async (): Promise<void> => {};
  try {
    const iterations = options.passwordIterations ?? DEFAULT_PBKDF2_ITERATIONS;
    if (seed)
      log.info({ event: 'hub.seeded', ...(await applySeed(store, seed, iterations)) }, 'seed applied');
    const { events, handoffBus, close } = await hubEventsFor(eventsOn, log);
    closeEvents = close;
    let handoff: HandoffHub | undefined;
    let sockets: HubSockets | undefined;
    const app = createHubApp({
      ...appOptions,
      passwordIterations: iterations,
      store,
      events,
      handoffBus,
      logger: log,
      onHandoff: (h) => (handoff = h),
      onSockets: (s) => (sockets = s),
    });
    if (!handoff || !sockets) throw new Error('the hub app made no handoff core or sockets');
    const done = sockets;
    // The jobs read their own options (SLA, recordings, periods) from the core's.
    const stopJobs = startHubJobs(store, options, log);
    return {
      app,
      events,
      handoff,
      sockets,
      close: async () => {
        stopJobs();
        done.close();
        // The sockets' last store writes (a customer who left just before the stop) finish first.
        await handoff?.drained();
        await close();
        await store.close();
      },
    };
  } catch (err) {
    await closeEvents();
    await store.close();
    throw err;
  }
}
