// Realtime fan-out between hub instances over PostgreSQL LISTEN/NOTIFY. Every instance listens on
// one channel; a publish is a NOTIFY, which PostgreSQL delivers to every listener, this instance
// included, so local kiosks hear it through the same path as remote ones. If the listening
// connection drops, it reconnects and tells its kiosks to catch up (notifications sent meanwhile are
// lost, and the kiosks' catch-up pull covers them). Node only (pg).
import pg from 'pg';
import { HubEventSchema, type HubEvent } from '../schema/change.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { Backoff } from '../client/backoff.ts';
import { createLocalHubEvents, type HubEvents } from './events.ts';

export interface PgHubEventsOptions {
  url: string;
  /** NOTIFY channel; instances that should hear each other use the same one. Default 'hub_events'. */
  channel?: string;
  logger?: Logger;
}

export interface PgHubEvents extends HubEvents {
  close(): Promise<void>;
}

/**
 * The events of a hub on `store`: LISTEN/NOTIFY on PostgreSQL (one channel per schema, so that
 * only instances sharing the data hear each other), in-process on SQLite (one instance per file).
 */
export async function hubEventsFor(
  store: { kind: 'sqlite' } | { kind: 'postgres'; url: string; schema?: string },
  logger: Logger,
): Promise<{ events: HubEvents; close(): Promise<void> }> {
  if (store.kind !== 'postgres') return { events: createLocalHubEvents(), close: async () => {} };
  const events = await createPgHubEvents({
    url: store.url,
    channel: store.schema ? `hub_events_${store.schema}` : 'hub_events',
    logger,
  });
  return { events, close: () => events.close() };
}

export async function createPgHubEvents(options: PgHubEventsOptions): Promise<PgHubEvents> {
  const channel = options.channel ?? 'hub_events';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid NOTIFY channel ${channel}`);
  const log = options.logger ?? silentLogger;
  const listeners = new Set<(event: HubEvent) => void>();
  const backoff = new Backoff({ baseMs: 200, capMs: 10_000, jitter: 'full' });
  let client: pg.Client | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const deliver = (event: HubEvent): void => {
    for (const l of listeners) l(event);
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: options.url, application_name: 'cloud-sync-hub-events' });
    c.on('notification', (msg) => {
      if (msg.channel !== channel || !msg.payload) return;
      const parsed = HubEventSchema.safeParse(JSON.parse(msg.payload));
      if (parsed.success) deliver(parsed.data);
    });
    const lost = (err?: Error): void => {
      if (client !== c) return;
      client = null;
      c.end().catch(() => {});
      if (closed) return;
      const delay = backoff.next();
      log.warn({ event: 'hub.events.lost', err: err?.message, retryInMs: delay }, 'LISTEN connection lost');
      retry = setTimeout(() => {
        retry = null;
        connect().then(
          () => {
            // Anything published while we were deaf: every kiosk pulls from its own checkpoint.
            deliver({ type: 'articles_changed', checkpoint: '' });
            deliver({ type: 'settings_changed' });
          },
          (e: unknown) => lost(e as Error),
        );
      }, delay);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
    backoff.reset();
  };

  await connect();

  return {
    publish(event) {
      const c = client;
      if (!c) {
        // Not listening right now: tell our own kiosks at least; the others catch up by polling.
        deliver(event);
        return;
      }
      c.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(event)]).catch((err: Error) => {
        log.error({ event: 'hub.events.notify_failed', err: err.message }, 'NOTIFY failed');
        deliver(event);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
