// Calls' recordings at the hub on real stores (SQLite and PostgreSQL for the rows, real files on disk):
// the handoff answer says whether calls are recorded; only the agent who holds a call uploads its
// recording; a recording over its size cap is refused with 413; supervisors alone list and play, and
// each play is in the audit log; the operator's legal hold outlives retention; the retention job
// deletes what expired (an injected clock), file and row.
import { afterAll, describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  HandoffAcceptedSchema,
  HUB_PATHS,
  recordingChunksPath,
  recordingFinishPath,
  recordingHoldPath,
  recordingPath,
  type HandoffRequest,
  type RunningHub,
} from '../src/index.ts';
import { sweepExpiredRecordings } from '../src/hub/recording-retention.ts';
import {
  AGENT,
  KIOSK_A,
  OPERATOR_TOKEN,
  SUPERVISOR,
  TempDirs,
  api,
  startTestHub,
  testSeed,
} from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { hubPerTest } from './support/hub-per-test.ts';

const AGENT_2 = { ...AGENT, username: 'agent.2', displayName: 'Agent Two' };
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_BYTES = 64 * 1024;

const dirs = new TempDirs();
afterAll(() => dirs.cleanup());
const stores = hubStoresUnderTest('cloud_sync_recordings');

async function upload(hub: RunningHub, token: string, handoffId: string, bytes: Uint8Array<ArrayBuffer>) {
  const res = await fetch(hub.url + recordingChunksPath(handoffId), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'video/webm' },
    body: bytes,
  });
  return { status: res.status, body: (await res.json()) as { id: string; bytes: number } };
}

const chunk = (n: number, fill: number): Uint8Array<ArrayBuffer> => new Uint8Array(n).fill(fill);

describe('a hub that records no calls', () => {
  it('says so in the handoff answer and has no recordings API', async () => {
    const hub = await startTestHub(dirs.make(), { seed: testSeed({ agents: [AGENT] }) });
    try {
      const body: HandoffRequest = { sessionId: `s-${ulid()}`, locale: 'en', reason: 'customer_request' };
      const res = await api(hub, 'POST', HUB_PATHS.handoffRequests, { token: KIOSK_A.token, body });
      expect(HandoffAcceptedSchema.parse(res.body)).toMatchObject({ queued: true, recording: false });
      const token = (await api(hub, 'POST', HUB_PATHS.agentLogin, { body: AGENT })).body.token as string;
      expect((await upload(hub, token, 'h1', chunk(10, 1))).status).toBe(404);
    } finally {
      await hub.close();
    }
  });
});

describe.each(stores)('recordings at the hub (%s)', (_name, store) => {
  const t = hubPerTest(dirs, store, [AGENT, AGENT_2, SUPERVISOR], () => ({
    recording: { retentionDays: 30, maxBytes: MAX_BYTES },
  }));

  /** A kiosk's request taken by AGENT: the handoff id and the agent's token. */
  const callHeldByAgent = async () => {
    const body: HandoffRequest = { sessionId: `s-${ulid()}`, locale: 'en', reason: 'customer_request' };
    const res = await api(t.hub, 'POST', HUB_PATHS.handoffRequests, { token: KIOSK_A.token, body });
    const accepted = HandoffAcceptedSchema.parse(res.body);
    if (!accepted.queued) throw new Error('expected the request to be queued');
    expect(accepted.recording).toBe(true);
    const kiosk = await t.open(accepted.joinToken);
    await kiosk.next('ready');
    const token = await t.login(AGENT);
    const agent = await t.open(token);
    await agent.next('ready');
    agent.send({ t: 'accept' });
    expect((await agent.next('assigned')).call.handoffId).toBe(accepted.handoffId);
    return { handoffId: accepted.handoffId, token, agent };
  };

  it('takes chunks from the agent who holds the call only, and stores them in order on disk', async () => {
    const { handoffId, token, agent } = await callHeldByAgent();
    const other = await t.login(AGENT_2);
    expect((await upload(t.hub, other, handoffId, chunk(10, 9))).status).toBe(403);
    expect((await upload(t.hub, token, 'not-a-call', chunk(10, 9))).status).toBe(403);
    const first = await upload(t.hub, token, handoffId, chunk(100, 1));
    expect(first).toMatchObject({ status: 201, body: { bytes: 100 } });
    // The call ends; the recorder's last chunk arrives after that and still belongs to it.
    agent.send({ t: 'end', notes: '', resolved: true });
    await agent.next('ended');
    expect((await upload(t.hub, token, handoffId, chunk(50, 2))).body).toEqual({
      id: first.body.id,
      bytes: 150,
    });
    const done = await api(t.hub, 'POST', recordingFinishPath(handoffId), { token });
    expect(done).toMatchObject({ status: 200, body: { id: first.body.id, bytes: 150 } });
    // Finished, and the call no longer held: nothing more is taken.
    expect((await upload(t.hub, token, handoffId, chunk(10, 3))).status).toBe(403);

    const row = await t.hub.store.recordings.get(first.body.id);
    expect(row).toMatchObject({ handoffId, kioskId: KIOSK_A.id, agent: AGENT.username, bytes: 150 });
    expect(row?.endedAt).not.toBeNull();
    expect(Date.parse(row?.deleteAfter ?? '')).toBe(Date.parse(row?.startedAt ?? '') + 30 * DAY_MS);
    const sup = await t.login(SUPERVISOR);
    const played = await fetch(t.hub.url + recordingPath(first.body.id), {
      headers: { authorization: `Bearer ${sup}` },
    });
    const bytes = new Uint8Array(await played.arrayBuffer());
    expect(played.headers.get('content-type')).toBe('video/webm');
    expect(bytes.length).toBe(150);
    expect([bytes[0], bytes[99], bytes[100], bytes[149]]).toEqual([1, 1, 2, 2]);
  });

  it('refuses a chunk that would pass the size cap with 413, keeping what it had', async () => {
    const { handoffId, token } = await callHeldByAgent();
    const first = await upload(t.hub, token, handoffId, chunk(MAX_BYTES - 10, 1));
    expect(first.status).toBe(201);
    const over = await upload(t.hub, token, handoffId, chunk(11, 2));
    expect(over.status).toBe(413);
    expect((over.body as unknown as { error: { code: string } }).error.code).toBe('recording_too_large');
    expect((await t.hub.store.recordings.get(first.body.id))?.bytes).toBe(MAX_BYTES - 10);
  });

  it('lets supervisors alone list and play, each play written to the audit log; Range is served', async () => {
    const { handoffId, token } = await callHeldByAgent();
    const { body } = await upload(t.hub, token, handoffId, chunk(300, 7));
    expect((await api(t.hub, 'GET', HUB_PATHS.agentRecordings, { token })).status).toBe(403);
    expect((await api(t.hub, 'GET', recordingPath(body.id), { token })).status).toBe(403);
    const sup = await t.login(SUPERVISOR);
    const list = await api(t.hub, 'GET', HUB_PATHS.agentRecordings, { token: sup });
    expect(list.body.recordings).toEqual([expect.objectContaining({ id: body.id, handoffId, bytes: 300 })]);
    const part = await fetch(t.hub.url + recordingPath(body.id), {
      headers: { authorization: `Bearer ${sup}`, range: 'bytes=100-199' },
    });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/300');
    expect((await part.arrayBuffer()).byteLength).toBe(100);
    const audits = async () =>
      (
        (await api(t.hub, 'GET', '/api/agent/audit', { token: sup })).body.entries as {
          action: string;
          actor: string;
          subject: string;
        }[]
      ).filter((e) => e.action === 'recording.played');
    // A seek (a later range) is not a new play.
    expect(await audits()).toEqual([]);
    const whole = await fetch(t.hub.url + recordingPath(body.id), {
      headers: { authorization: `Bearer ${sup}` },
    });
    expect((await whole.arrayBuffer()).byteLength).toBe(300);
    expect(await audits()).toEqual([
      expect.objectContaining({ actor: SUPERVISOR.username, subject: body.id }),
    ]);
  });

  it('keeps a held recording past its retention; the job deletes the expired ones, file and row', async () => {
    const a = await callHeldByAgent();
    const held = (await upload(t.hub, a.token, a.handoffId, chunk(20, 1))).body.id;
    a.agent.send({ t: 'end', notes: '', resolved: true });
    await a.agent.next('ended');
    await api(t.hub, 'POST', recordingFinishPath(a.handoffId), { token: a.token });
    const b = await callHeldByAgent();
    const gone = (await upload(t.hub, b.token, b.handoffId, chunk(20, 2))).body.id;

    expect((await api(t.hub, 'POST', recordingHoldPath(held), { body: { hold: true } })).status).toBe(401);
    const hold = await api(t.hub, 'POST', recordingHoldPath(held), {
      token: OPERATOR_TOKEN,
      body: { hold: true },
    });
    expect(hold).toMatchObject({ status: 200, body: { id: held, legalHold: true } });
    expect(
      (await api(t.hub, 'POST', recordingHoldPath('nope'), { token: OPERATOR_TOKEN, body: { hold: true } }))
        .status,
    ).toBe(404);

    const rec = t.hub.recordings;
    if (!rec) throw new Error('this hub records calls');
    // The job's clock is injected: 29 days on, nothing has expired yet.
    const clock = Date.now();
    expect(await sweepExpiredRecordings(t.hub.store, rec.files, clock + 29 * DAY_MS)).toEqual([]);
    // Past both retentions: the held one stays, the other goes, file and row.
    expect(await sweepExpiredRecordings(t.hub.store, rec.files, clock + 31 * DAY_MS)).toEqual([gone]);
    expect(await t.hub.store.recordings.get(gone)).toBeNull();
    expect(await rec.files.size(gone)).toBeNull();
    expect(await rec.files.size(held)).toBe(20);
    expect((await t.hub.store.recordings.get(held))?.legalHold).toBe(true);
    // The hold lifted: the next pass deletes it.
    await api(t.hub, 'POST', recordingHoldPath(held), { token: OPERATOR_TOKEN, body: { hold: false } });
    expect(await sweepExpiredRecordings(t.hub.store, rec.files, clock + 31 * DAY_MS)).toEqual([held]);
    expect(await rec.files.size(held)).toBeNull();
    expect(await t.hub.store.recordings.get(held)).toBeNull();
  });
});
