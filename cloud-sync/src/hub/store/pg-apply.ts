// Applying one push batch on PostgreSQL, set-based: a handful of statements per batch instead of
// several per change, so a 500-change batch costs a few round trips. Runs inside the caller's
// transaction; any throw rolls the whole batch back.
import type pg from 'pg';
import type { ChangeEnvelope } from '../../schema/change.ts';
import { mergeTicket, type TicketMergeState } from '../../schema/ticket-merge.ts';
import type { Ticket, TicketStatus, TicketUpdate } from '../../schema/ticket.ts';
import { editRefusal, ticketRow } from './ticket-rows.ts';
import { OwnershipError, type ApplyResult, type TicketEditOutcome } from './types.ts';

type Of<E extends ChangeEnvelope['entity']> = Extract<ChangeEnvelope, { entity: E }>;

export async function applyBatchPg(
  client: pg.PoolClient,
  kioskId: string,
  changes: readonly ChangeEnvelope[],
): Promise<ApplyResult> {
  // 1. The exactly-once ledger: only ids that were not there before come back.
  const receivedAt = new Date().toISOString();
  const inserted = await client.query<{ id: string }>(
    `INSERT INTO changes (id, kiosk_id, entity, entity_id, hlc, received_at)
     SELECT id, $2, entity, entity_id, hlc, $3
       FROM unnest($1::text[], $4::text[], $5::text[], $6::text[]) AS t(id, entity, entity_id, hlc)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      changes.map((c) => c.id),
      kioskId,
      receivedAt,
      changes.map((c) => c.entity),
      changes.map((c) => c.entityId),
      changes.map((c) => c.hlc),
    ],
  );
  const fresh = new Set(inserted.rows.map((r) => r.id));
  const result: ApplyResult = { applied: [], duplicates: [] };
  const toApply: ChangeEnvelope[] = [];
  for (const c of changes) {
    if (fresh.delete(c.id)) {
      result.applied.push(c.id);
      toApply.push(c);
    } else result.duplicates.push(c.id);
  }
  if (toApply.length === 0) return result;

  const by = <E extends ChangeEnvelope['entity']>(e: E) => toApply.filter((c): c is Of<E> => c.entity === e);
  const conversations = by('conversation');
  const messages = by('message');
  const events = by('device_event');
  const health = by('health');
  const tickets = by('ticket');

  // 2. Ownership: nothing in the batch may touch another kiosk's record.
  const owned: [table: string, entity: string, ids: string[]][] = [
    [
      'conversations',
      'conversation',
      [...conversations.map((c) => c.data.id), ...messages.map((c) => c.data.conversationId)],
    ],
    ['messages', 'message', messages.map((c) => c.data.id)],
    ['device_events', 'device_event', events.map((c) => c.data.id)],
    ['health_snapshots', 'health', health.map((c) => c.data.id)],
  ];
  for (const [table, entity, ids] of owned) await assertOwners(client, table, entity, kioskId, ids);

  // 3. Records, last writer wins by HLC; the guard on kiosk_id also covers a race with another instance.
  const convs = newestPerId(conversations);
  if (convs.length > 0) {
    await client.query(
      `INSERT INTO conversations (id, kiosk_id, hlc, started_at, data)
       SELECT id, $2, hlc, started_at, data FROM unnest($1::text[], $3::text[], $4::text[], $5::text[])
         AS t(id, hlc, started_at, data)
       ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, started_at = excluded.started_at, data = excluded.data
       WHERE excluded.hlc > conversations.hlc AND conversations.kiosk_id = excluded.kiosk_id`,
      [
        convs.map((c) => c.data.id),
        kioskId,
        convs.map((c) => c.hlc),
        convs.map((c) => c.data.startedAt),
        convs.map((c) => JSON.stringify(c.data)),
      ],
    );
  }
  const msgs = newestPerId(messages);
  if (msgs.length > 0) {
    await client.query(
      `INSERT INTO messages (id, conversation_id, kiosk_id, hlc, at, data)
       SELECT id, conversation_id, $2, hlc, at, data
         FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, conversation_id, hlc, at, data)
       ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, at = excluded.at, data = excluded.data
       WHERE excluded.hlc > messages.hlc AND messages.kiosk_id = excluded.kiosk_id`,
      [
        msgs.map((c) => c.data.id),
        kioskId,
        msgs.map((c) => c.data.conversationId),
        msgs.map((c) => c.hlc),
        msgs.map((c) => c.data.at),
        msgs.map((c) => JSON.stringify(c.data)),
      ],
    );
  }
  // Facts: the first copy stands.
  if (events.length > 0) {
    await client.query(
      `INSERT INTO device_events (id, kiosk_id, at, type, severity, data)
       SELECT id, $2, at, type, severity, data
         FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, at, type, severity, data)
       ON CONFLICT (id) DO NOTHING`,
      [
        events.map((c) => c.data.id),
        kioskId,
        events.map((c) => c.data.at),
        events.map((c) => c.data.type),
        events.map((c) => c.data.severity),
        events.map((c) => JSON.stringify(c.data)),
      ],
    );
  }
  if (health.length > 0) {
    await client.query(
      `INSERT INTO health_snapshots (id, kiosk_id, at, data)
       SELECT id, $2, at, data FROM unnest($1::text[], $3::text[], $4::text[]) AS t(id, at, data)
       ON CONFLICT (id) DO NOTHING`,
      [
        health.map((c) => c.data.id),
        kioskId,
        health.map((c) => c.data.at),
        health.map((c) => JSON.stringify(c.data)),
      ],
    );
  }
  if (tickets.length > 0) await applyTickets(client, kioskId, tickets);
  return result;
}

/** Per record id, the change with the newest HLC (a batch may carry several versions of one record). */
function newestPerId<C extends ChangeEnvelope>(changes: C[]): C[] {
  const best = new Map<string, C>();
  for (const c of changes) {
    const cur = best.get(c.data.id);
    if (!cur || c.hlc > cur.hlc) best.set(c.data.id, c);
  }
  return [...best.values()];
}

async function assertOwners(
  client: pg.PoolClient,
  table: string,
  entity: string,
  kioskId: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const { rows } = await client.query<{ id: string; kiosk_id: string }>(
    `SELECT id, kiosk_id FROM ${table} WHERE id = ANY($1::text[]) AND kiosk_id <> $2 LIMIT 1`,
    [[...new Set(ids)], kioskId],
  );
  const row = rows[0];
  if (row) throw new OwnershipError(entity, row.id, row.kiosk_id);
}

/** A hub-side edit of an existing ticket, checked against the status the editor saw. */
export async function editTicketPg(
  client: pg.PoolClient,
  update: TicketUpdate,
  hlc: string,
  expectStatus: TicketStatus,
): Promise<TicketEditOutcome> {
  await client.query("SELECT pg_advisory_xact_lock(hashtext('ticket:' || $1::text))", [update.id]);
  const { rows } = await client.query<{ kiosk_id: string; state: string }>(
    'SELECT kiosk_id, state FROM tickets WHERE id = $1',
    [update.id],
  );
  const row = rows[0];
  const refusal = editRefusal(row, expectStatus);
  if (refusal || !row) return refusal ?? { outcome: 'not_found' };
  const data = { ...update, kioskId: row.kiosk_id };
  await applyTickets(client, row.kiosk_id, [{ data, hlc } as Of<'ticket'>]);
  const [after] = (
    await client.query<{ data: string }>('SELECT data FROM tickets WHERE id = $1', [update.id])
  ).rows;
  return after?.data
    ? { outcome: 'updated', ticket: JSON.parse(after.data) as Ticket }
    : { outcome: 'not_found' };
}

/** Tickets are read, merged field by field and written back, under a per-ticket advisory lock. */
async function applyTickets(client: pg.PoolClient, kioskId: string, changes: Of<'ticket'>[]): Promise<void> {
  const ids = [...new Set(changes.map((c) => c.data.id))].sort();
  await client.query(
    "SELECT pg_advisory_xact_lock(hashtext('ticket:' || id)) FROM unnest($1::text[]) AS t(id) ORDER BY id",
    [ids],
  );
  const { rows } = await client.query<{ id: string; kiosk_id: string; state: string }>(
    'SELECT id, kiosk_id, state FROM tickets WHERE id = ANY($1::text[])',
    [ids],
  );
  const states = new Map<string, TicketMergeState>();
  for (const r of rows) {
    if (r.kiosk_id !== kioskId) throw new OwnershipError('ticket', r.id, r.kiosk_id);
    states.set(r.id, JSON.parse(r.state) as TicketMergeState);
  }
  for (const c of changes) states.set(c.data.id, mergeTicket(states.get(c.data.id) ?? null, c.data, c.hlc));
  const merged = [...states.entries()]
    .filter(([id]) => ids.includes(id))
    .map(([id, s]) => ({ id, ...ticketRow(s) }));
  await client.query(
    `INSERT INTO tickets (id, kiosk_id, hlc, state, data, updated_at)
     SELECT id, $2, hlc, state, data, updated_at
       FROM unnest($1::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, hlc, state, data, updated_at)
     ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, state = excluded.state, data = excluded.data,
       updated_at = excluded.updated_at`,
    [
      merged.map((r) => r.id),
      kioskId,
      merged.map((r) => r.hlc),
      merged.map((r) => r.state),
      merged.map((r) => r.data),
      merged.map((r) => r.updatedAt),
    ],
  );
}
