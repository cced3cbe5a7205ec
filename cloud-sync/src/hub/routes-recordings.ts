// Calls' recordings at the hub. The agent who holds a call uploads its recording chunk by chunk as the
// browser makes them (a crashed browser loses only the last chunk) and finishes it at the call's end;
// supervisors list and play recordings, and each play is in the audit log before a byte leaves.
// Mounted behind the agent sign-in (routes-agent.ts), only when the hub records calls.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ulid } from 'ulid';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import { audit } from './audit.ts';
import { apiError, tooLarge } from './http-util.ts';
import { MAX_RECORDING_CHUNK_BYTES, RECORDING_MIME, type RecordingOptions } from './recording-files.ts';
import type { AgentSession, HubStore } from './store/types.ts';
import type { RecordingListResponse } from '../schema/recording.ts';

type Env = { Variables: { agent: AgentSession } };

const DAY_MS = 24 * 60 * 60 * 1000;
export const RECORDING_ROLE = 'supervisor';

/** `bytes=a-b` or `bytes=a-` within a file of `size` bytes; null for none or one we do not serve. */
export function parseRange(header: string | undefined, size: number): [number, number] | null {
  const m = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!m) return null;
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start <= end ? [start, end] : null;
}

export function recordingRoutes(
  store: HubStore,
  handoff: HandoffHub,
  rec: RecordingOptions,
  now: () => number,
): Hono<Env> {
  const app = new Hono<Env>();
  const rows = store.recordings;

  app.post(
    '/:handoffId/chunks',
    bodyLimit({
      maxSize: MAX_RECORDING_CHUNK_BYTES,
      onError: (c) => tooLarge(c, 'recording chunk too large'),
    }),
    async (c) => {
      const agent = c.get('agent').username;
      const handoffId = c.req.param('handoffId');
      // The first chunk needs the call held by this agent now; later ones continue that recording
      // (the last chunk comes after the agent ended the call).
      let row = await rows.open(handoffId, agent);
      if (!row) {
        const holder = await handoff.holder(handoffId);
        if (holder?.agent !== agent)
          return apiError(c, 403, 'forbidden', 'only the agent who holds this call records it');
        const started = now();
        const fresh = {
          id: ulid(),
          handoffId,
          kioskId: holder.kioskId,
          agent,
          startedAt: new Date(started).toISOString(),
          mime: RECORDING_MIME,
          deleteAfter: new Date(started + rec.retentionDays * DAY_MS).toISOString(),
        };
        await rows.create(fresh);
        row = { ...fresh, endedAt: null, bytes: 0, legalHold: false };
      }
      const chunk = new Uint8Array(await c.req.arrayBuffer());
      if (row.bytes + chunk.byteLength > rec.maxBytes)
        return apiError(c, 413, 'recording_too_large', `a recording holds at most ${rec.maxBytes} bytes`);
      await rec.files.append(row.id, chunk);
      await rows.addBytes(row.id, chunk.byteLength);
      return c.json({ id: row.id, bytes: row.bytes + chunk.byteLength }, 201);
    },
  );

  app.post('/:handoffId/finish', async (c) => {
    const row = await rows.open(c.req.param('handoffId'), c.get('agent').username);
    if (!row) return apiError(c, 404, 'not_found', 'you have no open recording of this call');
    await rows.finish(row.id, new Date(now()).toISOString());
    return c.json({ id: row.id, bytes: row.bytes });
  });

  app.get('/', async (c) => {
    if (c.get('agent').role !== RECORDING_ROLE)
      return apiError(c, 403, 'forbidden', 'recordings are for supervisors');
    const answer: RecordingListResponse = { recordings: await rows.list(200) };
    return c.json(answer);
  });

  app.get('/:id', async (c) => {
    const agent = c.get('agent');
    if (agent.role !== RECORDING_ROLE) return apiError(c, 403, 'forbidden', 'recordings are for supervisors');
    const row = await rows.get(c.req.param('id'));
    const size = row ? await rec.files.size(row.id) : null;
    if (!row || size === null || size === 0) return apiError(c, 404, 'not_found', 'no such recording');
    const range = parseRange(c.req.header('range'), size);
    const [start, end] = range ?? [0, size - 1];
    // A play starts at the first byte; a seek within it (a later range) is the same play.
    if (start === 0)
      await audit(store, {
        actor: agent.username,
        action: 'recording.played',
        subject: row.id,
        kioskId: row.kioskId,
        detail: `call ${row.handoffId} by ${row.agent}`,
      });
    c.header('content-type', row.mime);
    c.header('accept-ranges', 'bytes');
    c.header('content-length', String(end - start + 1));
    if (range) c.header('content-range', `bytes ${start}-${end}/${size}`);
    return c.body(rec.files.read(row.id, start, end), range ? 206 : 200);
  });
  return app;
}
