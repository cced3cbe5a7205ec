// A push batch that carries no tickets, applied on PostgreSQL in ONE named (prepared) statement: the
// ledger rows, the ownership check and every record write are CTEs of a single INSERT, so the batch is
// one round trip, atomic on its own, and the server plans it once per connection. The rules are those
// of applyBatchPg (pg-apply.ts), which still applies batches with tickets (they are merged in code):
// - the ledger decides: only changes whose id was not there before are applied, in batch order; a
//   change id twice in one batch counts once (the first copy);
// - a change that would touch another kiosk's record (its conversation, message, event or snapshot, or
//   the conversation a message belongs to) refuses the whole batch: nothing is written, not even the
//   ledger, and OwnershipError names the first such record (conversations, messages, events, snapshots);
// - conversations and messages: per record the newest HLC of the batch (the first of equals), written
//   when newer than the stored one and still the same kiosk's; events and snapshots: the first copy stands.
import type pg from 'pg';
import type { ChangeEnvelope } from '../../schema/change.ts';
import { OwnershipError, type ApplyResult } from './types.ts';

/** The statement's name on every pooled connection (pg prepares it on first use there). */
export const PUSH_STATEMENT_NAME = 'hub_push_batch';

// Candidates for the ownership check are the changes the ledger does not hold yet in this statement's
// snapshot; the ledger insert itself (ON CONFLICT waits for a concurrent instance's commit) decides
// what is applied. Text comparison of HLCs in DISTINCT ON uses "C" so it orders as the code does.
export const PUSH_STATEMENT_SQL = `
WITH input AS (
  SELECT * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[])
    WITH ORDINALITY AS t(id, entity, entity_id, hlc, conv_id, started_at, at, type, severity, data, ord)
),
candidates AS (
  SELECT DISTINCT ON (i.id) i.* FROM input i
   WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.id = i.id)
   ORDER BY i.id, i.ord
),
foreign_row AS (
  SELECT o.entity, o.id, o.kiosk_id FROM (
    SELECT 1 AS k, 'conversation' AS entity, r.id, r.kiosk_id FROM conversations r
     WHERE r.kiosk_id <> $1 AND r.id IN (
       SELECT entity_id FROM candidates WHERE entity = 'conversation'
       UNION SELECT conv_id FROM candidates WHERE entity = 'message')
    UNION ALL
    SELECT 2, 'message', r.id, r.kiosk_id FROM messages r
     WHERE r.kiosk_id <> $1 AND r.id IN (SELECT entity_id FROM candidates WHERE entity = 'message')
    UNION ALL
    SELECT 3, 'device_event', r.id, r.kiosk_id FROM device_events r
     WHERE r.kiosk_id <> $1 AND r.id IN (SELECT entity_id FROM candidates WHERE entity = 'device_event')
    UNION ALL
    SELECT 4, 'health', r.id, r.kiosk_id FROM health_snapshots r
     WHERE r.kiosk_id <> $1 AND r.id IN (SELECT entity_id FROM candidates WHERE entity = 'health')
  ) o ORDER BY o.k LIMIT 1
),
ledger AS (
  INSERT INTO changes (id, kiosk_id, entity, entity_id, hlc, received_at)
  SELECT id, $1, entity, entity_id, hlc, $2 FROM input
   WHERE NOT EXISTS (SELECT 1 FROM foreign_row) ORDER BY ord
  ON CONFLICT (id) DO NOTHING RETURNING id
),
fresh AS (
  SELECT DISTINCT ON (i.id) i.* FROM input i JOIN ledger l ON l.id = i.id ORDER BY i.id, i.ord
),
conv AS (
  INSERT INTO conversations (id, kiosk_id, hlc, started_at, data)
  SELECT DISTINCT ON (entity_id) entity_id, $1, hlc, started_at, data FROM fresh
   WHERE entity = 'conversation' ORDER BY entity_id, hlc COLLATE "C" DESC, ord
  ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, started_at = excluded.started_at, data = excluded.data
  WHERE excluded.hlc > conversations.hlc AND conversations.kiosk_id = excluded.kiosk_id
),
msg AS (
  INSERT INTO messages (id, conversation_id, kiosk_id, hlc, at, data)
  SELECT DISTINCT ON (entity_id) entity_id, conv_id, $1, hlc, at, data FROM fresh
   WHERE entity = 'message' ORDER BY entity_id, hlc COLLATE "C" DESC, ord
  ON CONFLICT (id) DO UPDATE SET hlc = excluded.hlc, at = excluded.at, data = excluded.data
  WHERE excluded.hlc > messages.hlc AND messages.kiosk_id = excluded.kiosk_id
),
ev AS (
  INSERT INTO device_events (id, kiosk_id, at, type, severity, data)
  SELECT entity_id, $1, at, type, severity, data FROM fresh WHERE entity = 'device_event' ORDER BY ord
  ON CONFLICT (id) DO NOTHING
),
hs AS (
  INSERT INTO health_snapshots (id, kiosk_id, at, data)
  SELECT entity_id, $1, at, data FROM fresh WHERE entity = 'health' ORDER BY ord
  ON CONFLICT (id) DO NOTHING
)
SELECT ARRAY(SELECT id FROM ledger) AS fresh, f.entity, f.id, f.kiosk_id
  FROM (SELECT 1) one LEFT JOIN foreign_row f ON true`;

/** True when this statement may apply the batch (tickets are merged field by field in code instead). */
export function pushStatementApplies(changes: readonly ChangeEnvelope[]): boolean {
  return changes.every((c) => c.entity !== 'ticket');
}

/** The per-change columns of the statement, each an array in batch order. */
function columns(changes: readonly ChangeEnvelope[]): (string | null)[][] {
  const cols: (string | null)[][] = Array.from({ length: 10 }, () => []);
  for (const c of changes) {
    const row = [
      c.id,
      c.entity,
      c.entityId,
      c.hlc,
      c.entity === 'message' ? c.data.conversationId : null,
      c.entity === 'conversation' ? c.data.startedAt : null,
      c.entity === 'message' || c.entity === 'device_event' || c.entity === 'health' ? c.data.at : null,
      c.entity === 'device_event' ? c.data.type : null,
      c.entity === 'device_event' ? c.data.severity : null,
      JSON.stringify(c.data),
    ];
    row.forEach((v, i) => cols[i]?.push(v));
  }
  return cols;
}

/** Applies a ticket-free batch (see pushStatementApplies) on a pool or inside a caller's transaction. */
export async function applyPushStatement(
  db: pg.Pool | pg.PoolClient,
  kioskId: string,
  changes: readonly ChangeEnvelope[],
): Promise<ApplyResult> {
  const { rows } = await db.query<{
    fresh: string[];
    entity: string | null;
    id: string | null;
    kiosk_id: string | null;
  }>({
    name: PUSH_STATEMENT_NAME,
    text: PUSH_STATEMENT_SQL,
    values: [kioskId, new Date().toISOString(), ...columns(changes)],
  });
  const row = rows[0];
  if (row?.entity && row.id && row.kiosk_id) throw new OwnershipError(row.entity, row.id, row.kiosk_id);
  const fresh = new Set(row?.fresh ?? []);
  const result: ApplyResult = { applied: [], duplicates: [] };
  for (const c of changes) {
    if (fresh.delete(c.id)) result.applied.push(c.id);
    else result.duplicates.push(c.id);
  }
  return result;
}
