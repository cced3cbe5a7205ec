// Issue 14: fast-check throws generated frames at the hub's two WebSockets on a real hub: the kiosks'
// realtime socket (after its credential) and the handoff signalling socket, before and after `auth`, as
// a kiosk and as an agent. Text, binary, text that is not UTF-8, oversize frames, and valid messages with
// hostile fields. Each socket either answers (an error message, or the pong of a ping sent after the
// frames) or closes with a code of the protocol; no handler fails inside the hub, and the hub still
// serves new sockets and /healthz afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorization } from '../../scripts/lib/fuzz/http-arbitraries.ts';
import {
  closeSocket,
  fuzzFrame,
  openSocket,
  pingPong,
  sendFrame,
  settle,
  type FuzzSocket,
} from '../../scripts/lib/fuzz/ws-client.ts';
import {
  EVENTS_PATH,
  HANDOFF_WS_PATH,
  MAX_REALTIME_BYTES,
  MAX_SIGNAL_BYTES,
  type RunningHub,
} from '../src/index.ts';
import { AGENT, KIOSK_A, TempDirs, api, startTestHub, waitFor } from './helpers.ts';
import { hubStoresUnderTest } from './support/pg.ts';
import { recordingLogger } from './support/recording-logger.ts';

const dirs = new TempDirs();
const RUNS = 60;
const { logger, lines, fields } = recordingLogger();
let hub: RunningHub;
let agentToken: string;
afterAll(() => dirs.cleanup());

const wsUrl = (path: string) => hub.url.replace(/^http/, 'ws') + path;
/** Close codes the sockets may end with: the hub's own, and `ws`'s for frames it cannot read. */
const PROTOCOL_CLOSES = new Set([1002, 1003, 1007, 1009, 4401, 4403, 4409]);

/** Internal failures of a socket handler, logged by the hub (none may happen). */
const failures = () =>
  fields.filter(
    (f, i) => f.event === 'hub.ws.error' || f.event === 'hub.handoff.error' || lines[i]?.level === 'error',
  );

async function stillServes(): Promise<void> {
  expect((await api(hub, 'GET', '/healthz')).status).toBe(200);
  const s = await openSocket(wsUrl(EVENTS_PATH), { headers: { authorization: `Bearer ${KIOSK_A.token}` } });
  await settle(s, () => s.received.length > 0, 'the hello');
  expect(JSON.parse(s.received[0] ?? '{}')).toEqual({ type: 'hello', kioskId: KIOSK_A.id });
  await closeSocket(s);
  await waitFor('no realtime socket left open', () => hub.realtimeConnections() === 0);
  expect(failures()).toEqual([]);
}

function expectAnsweredOrClosed(s: FuzzSocket, answered: boolean): void {
  if (answered) return;
  if (s.closeCode === null || !PROTOCOL_CLOSES.has(s.closeCode))
    throw new Error(`closed with ${s.closeCode}; received ${JSON.stringify(s.received).slice(0, 300)}`);
}

/** A fresh handoff's join token, for a kiosk's signalling socket. */
async function joinToken(): Promise<string> {
  const body = {
    sessionId: `c-${Math.random().toString(36).slice(2)}`,
    locale: 'en',
    reason: 'customer_request',
  };
  const res = await api(hub, 'POST', '/api/handoff/requests', { token: KIOSK_A.token, body });
  expect(res.status).toBe(200);
  return (res.body as { joinToken: string }).joinToken;
}

const T0 = '2026-11-25T10:00:00.000Z';
/** A valid message of each kind, for the fuzzer to mutate. */
const SIGNALS = [
  { t: 'ping', n: 1 },
  { t: 'presence', status: 'online' },
  { t: 'accept' },
  { t: 'signal', data: { kind: 'offer', sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n' } },
  {
    t: 'signal',
    data: {
      kind: 'ice',
      candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    },
  },
  { t: 'media', mode: 'audio' },
  { t: 'chat', text: 'hello' },
  { t: 'guide', step: { kind: 'highlight', region: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 }, label: 'here' } },
  { t: 'cue', cue: { at: T0, label: 'tense', confidence: 0.8 }, negativeCue: true },
  { t: 'end', notes: 'done', resolved: true },
  { t: 'cancel' },
  // Listen-in (handoff/listen-in.ts).
  { t: 'listen_signal', handoffId: 'h-1', to: 'supervisor', data: { kind: 'answer', sdp: 'v=0\r\n' } },
  { t: 'listen_end', handoffId: 'h-1' },
];
const frames = (samples: unknown[], oversize: number) =>
  fc.array(fuzzFrame(samples, oversize), { minLength: 1, maxLength: 4 });

describe.each(hubStoresUnderTest('cloud_sync_fuzz_ws'))('hub sockets fuzz on %s', (_name, store) => {
  beforeAll(async () => {
    // No handoff limits: every run may open a call of its own.
    hub = await startTestHub(dirs.make(), {
      store: store(),
      logger,
      handoff: { maxOpenPerKiosk: 1_000_000, maxRequestsPerMinute: 1_000_000 },
    });
    const login = await api(hub, 'POST', '/api/agent/login', { body: AGENT });
    agentToken = (login.body as { token: string }).token;
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('realtime socket: a kiosk’s frames are dropped or close it with a protocol code', async () => {
    await fc.assert(
      fc.asyncProperty(frames([{ type: 'hello' }], MAX_REALTIME_BYTES), async (fs) => {
        const s = await openSocket(wsUrl(EVENTS_PATH), {
          headers: { authorization: `Bearer ${KIOSK_A.token}` },
        });
        try {
          for (const f of fs) sendFrame(s, f);
          expectAnsweredOrClosed(s, await pingPong(s));
        } finally {
          await closeSocket(s);
        }
      }),
      { numRuns: RUNS },
    );
    await stillServes();
  });

  it('realtime socket: an upgrade without a kiosk credential is refused with 401', async () => {
    await fc.assert(
      fc.asyncProperty(authorization([]), async (auth) => {
        const headers: Record<string, string> = auth === undefined ? {} : { authorization: auth };
        await expect(openSocket(wsUrl(EVENTS_PATH), { headers })).rejects.toThrow('upgrade refused: 401');
      }),
      { numRuns: RUNS },
    );
    expect(hub.realtimeConnections()).toBe(0);
  });

  it('signalling socket before auth: frames get an error, or close it (4401, 4403 or a protocol code)', async () => {
    await fc.assert(
      fc.asyncProperty(
        frames([{ t: 'auth', token: 'not-a-token' }, ...SIGNALS], MAX_SIGNAL_BYTES * 2),
        async (fs) => {
          const s = await openSocket(wsUrl(HANDOFF_WS_PATH));
          try {
            for (const f of fs) sendFrame(s, f);
            // A message that is not `auth` closes an unauthenticated socket: this one settles it.
            sendFrame(s, { text: JSON.stringify({ t: 'ping', n: 7 }) });
            await settle(s, () => false, 'a close');
            expectAnsweredOrClosed(s, false);
          } finally {
            await closeSocket(s);
          }
        },
      ),
      { numRuns: RUNS },
    );
    await stillServes();
  });

  it.each(['agent', 'kiosk'] as const)(
    'signalling socket after auth as %s: frames are handled, answered with an error, or close it',
    async (as) => {
      await fc.assert(
        fc.asyncProperty(frames(SIGNALS, MAX_SIGNAL_BYTES * 2), async (fs) => {
          const token = as === 'agent' ? agentToken : await joinToken();
          const s = await openSocket(wsUrl(HANDOFF_WS_PATH));
          try {
            sendFrame(s, { text: JSON.stringify({ t: 'auth', token }) });
            await settle(s, () => s.received.some((m) => m.includes('"ready"')), 'ready');
            for (const f of fs) sendFrame(s, f);
            // Messages are handled in order: the pong of this ping comes after every answer above.
            sendFrame(s, { text: JSON.stringify({ t: 'ping', n: 424242 }) });
            await settle(s, () => s.received.some((m) => m.includes('424242')), 'the pong');
            expectAnsweredOrClosed(s, s.closeCode === null);
          } finally {
            await closeSocket(s);
          }
        }),
        { numRuns: RUNS },
      );
      await stillServes();
    },
  );
});
