// Realtime fan-out between hub instances over PostgreSQL LISTEN/NOTIFY. Every instance listens on
// the same channels over one connection; a publish is a NOTIFY, which PostgreSQL delivers to every
// listener, this instance included, so local sockets hear it through the same path as remote ones,
// in the order each instance published. A payload too big for NOTIFY (8000 bytes; an SDP offer may
// be) is stored in hub_notify_payloads in the same statement and its id is notified instead; the
// listener reads it back before delivering anything after it. If the listening connection drops, it
// reconnects and tells its listeners to catch up (notifications sent meanwhile are lost: kiosks pull
// from their checkpoints, handoff sockets get their queues again). Node only (pg).
import pg from 'pg';
import { HubEventSchema, type HubEvent } from '../schema/change.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { Backoff } from '../client/backoff.ts';
import { createLocalFanout, type Fanout, type HubEvents } from './events.ts';
import { NotifyBatcher, PAYLOAD_REF as REF } from './pg-notify-batch.ts';
import { HandoffNoteSchema, type HandoffBus, type HandoffNote } from '../handoff/handoff-bus.ts';

export interface PgHubEventsOptions {
  url: string;
  /** NOTIFY channel; instances that should hear each other use the same one. Default 'hub_events'. */
  channel?: string;
  /** The store's schema (hub_notify_payloads lives there). Default: the connection's default. */
  schema?: string;
  logger?: Logger;
}

export interface PgHubEvents extends HubEvents {
  close(): Promise<void>;
}

/**
 * The fan-outs of a hub on `store`: LISTEN/NOTIFY on PostgreSQL (channels per schema, so that only
 * instances sharing the data hear each other), in-process on SQLite (one instance per file).
 */
export async function hubEventsFor(
  store: { kind: 'sqlite' } | { kind: 'postgres'; url: string; schema?: string },
  logger: Logger,
): Promise<{ events: HubEvents; handoffBus: HandoffBus; close(): Promise<void> }> {
  if (store.kind !== 'postgres')
    return {
      events: createLocalHubEvents(),
      handoffBus: createLocalFanout<HandoffNote>(),
      close: async () => {},
    };
  const suffix = store.schema ? `_${store.schema}` : '';
  const fanout = await createPgFanout({
    url: store.url,
    ...(store.schema ? { schema: store.schema } : {}),
    logger,
    channels: [`hub_events${suffix}`, `hub_handoff${suffix}`],
  });
  const events = typedChannel<HubEvent>(
    fanout,
    `hub_events${suffix}`,
    (raw) => HubEventSchema.safeParse(raw),
    [
      // Anything published while we were deaf: every kiosk pulls from its own checkpoint.
      { type: 'articles_changed', checkpoint: '' },
      { type: 'settings_changed' },
    ],
  );
  const handoffBus = typedChannel<HandoffNote>(
    fanout,
    `hub_handoff${suffix}`,
    (raw) => HandoffNoteSchema.safeParse(raw),
    [{ k: 'queues' }],
  );
  return { events, handoffBus, close: () => fanout.close() };
}

function createLocalHubEvents(): HubEvents {
  return createLocalFanout<HubEvent>();
}

/** The hub's realtime events alone on one channel (the API before handoff notes shared the connection). */
export async function createPgHubEvents(options: PgHubEventsOptions): Promise<PgHubEvents> {
  const channel = options.channel ?? 'hub_events';
  const fanout = await createPgFanout({ ...options, channels: [channel] });
  const events = typedChannel<HubEvent>(fanout, channel, (raw) => HubEventSchema.safeParse(raw), [
    { type: 'articles_changed', checkpoint: '' },
    { type: 'settings_changed' },
  ]);
  return { ...events, close: () => fanout.close() };
}

interface PgFanout {
  publish(channel: string, text: string): void;
  subscribe(channel: string, listener: (text: string) => void, resume: () => void): () => void;
  close(): Promise<void>;
}

function typedChannel<T>(
  fanout: PgFanout,
  channel: string,
  parse: (raw: unknown) => { success: true; data: T } | { success: false },
  resume: readonly T[],
): Fanout<T> {
  return {
    publish: (message) => fanout.publish(channel, JSON.stringify(message)),
    subscribe: (listener) =>
      fanout.subscribe(
        channel,
        (text) => {
          const parsed = parse(JSON.parse(text));
          if (parsed.success) listener(parsed.data);
        },
        () => resume.forEach(listener),
      ),
  };
}

async function createPgFanout(o: {
  url: string;
  schema?: string;
  logger?: Logger;
  channels: readonly string[];
}): Promise<PgFanout> {
  for (const channel of o.channels)
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid NOTIFY channel ${channel}`);
  const log = o.logger ?? silentLogger;
  const listeners = new Map<string, Set<{ text: (t: string) => void; resume: () => void }>>();
  const backoff = new Backoff({ baseMs: 200, capMs: 10_000, jitter: 'full' });
  let client: pg.Client | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;
  // Deliveries in notification order, also when one must first read its payload back.
  let chain = Promise.resolve();
  // The connection's queries one after another (pg runs them so anyway, and warns when asked at once).
  let queries: Promise<unknown> = Promise.resolve();
  const query = <R extends pg.QueryResultRow>(c: pg.Client, sql: string, params: unknown[]) => {
    const q = queries.then(() => c.query<R>(sql, params));
    queries = q.catch(() => {});
    return q;
  };

  const deliver = (channel: string, text: string): void => {
    for (const l of listeners.get(channel) ?? []) l.text(text);
  };
  const resumeAll = (): void => {
    for (const set of listeners.values()) for (const l of set) l.resume();
  };

  const connect = async (): Promise<void> => {
    const c = new pg.Client({
      connectionString: o.url,
      application_name: 'cloud-sync-hub-events',
      ...(o.schema ? { options: `-c search_path=${o.schema}` } : {}),
    });
    c.on('notification', (msg) => {
      const payload = msg.payload;
      if (!o.channels.includes(msg.channel) || !payload) return;
      chain = chain
        .then(async () => {
          if (!payload.startsWith(REF)) return deliver(msg.channel, payload);
          const { rows } = await query<{ body: string }>(
            c,
            'SELECT body FROM hub_notify_payloads WHERE id = $1',
            [payload.slice(REF.length)],
          );
          if (rows[0]) deliver(msg.channel, rows[0].body);
        })
        .catch((err: Error) => log.error({ event: 'hub.events.deliver_failed', err: err.message }));
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
        connect().then(resumeAll, (e: unknown) => lost(e as Error));
      }, delay);
    };
    c.on('error', lost);
    c.on('end', () => lost());
    await c.connect();
    for (const channel of o.channels) await c.query(`LISTEN ${channel}`);
    client = c;
    backoff.reset();
  };

  await connect();
  const sender = new NotifyBatcher(
    (sql, params) => (client ? query(client, sql, params) : Promise.reject(new Error('not listening'))),
    (batch, err) => {
      log.error({ event: 'hub.events.notify_failed', err: err.message }, 'NOTIFY failed');
      for (const b of batch) deliver(b.channel, b.text);
    },
  );
  // Big payloads are read back at once by every listener: a minute is plenty.
  const pruner = setInterval(() => {
    if (client)
      query(
        client,
        "DELETE FROM hub_notify_payloads WHERE created_at < now() - interval '1 minute'",
        [],
      ).catch(() => {});
  }, 30_000);
  pruner.unref?.();

  return {
    publish(channel, text) {
      if (!client) {
        // Not listening right now: tell our own listeners at least; the others catch up on resume.
        deliver(channel, text);
        return;
      }
      sender.send(channel, text);
    },
    subscribe(channel, text, resume) {
      const entry = { text, resume };
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(entry);
      return () => set.delete(entry);
    },
    async close() {
      closed = true;
      clearInterval(pruner);
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
