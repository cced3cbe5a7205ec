// Issue 14: fast-check throws generated frames at a real agent's kiosk socket (/ws), connected as the
// kiosk page is (its Origin, a Host the agent answers to, this boot's secret), so every frame reaches
// the gateway: commands of every kind with hostile fields (a live session's id kept where it was),
// hostile JSON, text that is not JSON, binary frames, text that is not UTF-8, oversize frames. Every
// frame gets exactly one completion and none is an internal error, or the socket closes with the code
// `ws` gives an unreadable frame; the agent serves the next connection.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeSocket,
  fuzzFrame,
  openSocket,
  sendFrame,
  settle,
  type FuzzSocket,
} from '../../scripts/lib/fuzz/ws-client.ts';
import { hostileString } from '../../scripts/lib/fuzz/arbitraries.ts';
import { MAX_MESSAGE_BYTES } from '../src/index.ts';
import { bootTokenOf, startHarness, type Frame, type Harness } from './harness.ts';
import { waitArmLinkUp } from './support/readiness.ts';

const RUNS = 80;
/** Replaced by the run's live session id in every frame sent. */
const SESSION = '$SESSION';
const T0 = '2026-11-25T10:00:00.000Z';

let h: Harness;
let url: string;
beforeAll(async () => {
  h = await startHarness();
  await waitArmLinkUp(h.agent.url);
  url = `${h.agent.url.replace(/^http/, 'ws')}/ws?boot=${encodeURIComponent(await bootTokenOf(h.agent.url))}`;
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const command = (name: string, payload: unknown, requestId = 5) => ({
  header: { type: 'command', name, requestId, version: '1.0' },
  payload,
});

/** A valid command of each kind, for the fuzzer to mutate. */
const COMMANDS = [
  command('Common.Status', {}),
  command('Session.Start', { locale: 'zh-CN' }),
  command('Session.Ask', { sessionId: SESSION, text: '怎么开户？ how do I open an account' }),
  command('Session.Rate', { sessionId: SESSION, rating: 4 }),
  command('Session.Emotion', {
    sessionId: SESSION,
    summary: {
      faceMs: 1000,
      cues: { tense: { count: 2, ms: 500 } },
      dominant: 'tense',
      negativeSustained: false,
    },
  }),
  command('Session.Consent', { sessionId: SESSION, kind: 'camera', given: true }),
  command('CardReader.ReadCard', { sessionId: SESSION, timeoutMs: 1000 }),
  command('CardReader.Cancel', {}),
  command('Handoff.Request', {
    sessionId: SESSION,
    reason: 'customer_request',
    intent: 'complaint',
    priorityBoost: 1,
    cues: [{ at: T0, label: 'tense', confidence: 0.5 }],
  }),
  command('Session.End', { sessionId: SESSION, outcome: 'answered' }),
];

const parse = (text: string) => JSON.parse(text) as Frame;
const completions = (s: FuzzSocket) => s.received.map(parse).filter((f) => f.header.type === 'completion');

/**
 * A live session of this connection, so the frames' session ids reach the handlers. On a loaded machine
 * the arm may be briefly unavailable (no session then): the frames still run, against an unknown id.
 */
async function startSession(s: FuzzSocket): Promise<string> {
  sendFrame(s, { text: JSON.stringify(command('Session.Start', { locale: 'en' }, 1)) });
  await settle(s, () => completions(s).length > 0, 'the Session.Start completion');
  const done = completions(s)[0]?.payload;
  if (done?.completionCode === 'success') return String(done.sessionId);
  if (done?.completionCode === 'deviceNotReady') return 'no-session';
  throw new Error(`Session.Start answered ${JSON.stringify(done)}`);
}

describe('kiosk socket fuzz', () => {
  it('completes every frame, never with an internal error, or closes with 1007/1009', async () => {
    const frames = fc.array(fuzzFrame(COMMANDS, MAX_MESSAGE_BYTES * 4), { minLength: 1, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(frames, async (fs) => {
        const s = await openSocket(url, { origin: h.agent.url });
        try {
          const session = await startSession(s);
          const before = completions(s).length;
          for (const f of fs) sendFrame(s, 'text' in f ? { text: f.text.replaceAll(SESSION, session) } : f);
          // A card read waits for a swipe; the page cancels it as it does when the customer leaves.
          sendFrame(s, { text: JSON.stringify(command('CardReader.Cancel', {}, 900_001)) });
          const expected = before + fs.length + 1;
          await settle(s, () => completions(s).length >= expected, `${expected} completions`);
          if (s.closeCode !== null && s.closeCode !== 1007 && s.closeCode !== 1009)
            throw new Error(`closed with ${s.closeCode}`);
          if (s.closeCode === null) expect(completions(s)).toHaveLength(expected);
          const internal = completions(s).filter((c) => c.payload.completionCode === 'internalError');
          expect(internal).toEqual([]);
        } finally {
          await closeSocket(s);
        }
      }),
      { numRuns: RUNS },
    );
    await waitArmLinkUp(h.agent.url);
    const s = await openSocket(url, { origin: h.agent.url });
    expect(await startSession(s)).not.toBe('no-session');
    await closeSocket(s);
  });

  it('answers a hostile string in any string field at once: NUL is an invalid message, nothing internal', async () => {
    // Every string of every command's payload, by its path, replaced by a hostile string.
    const spots = COMMANDS.flatMap((cmd) =>
      Object.entries(cmd.payload as Record<string, unknown>)
        .filter(([, v]) => typeof v === 'string')
        .map(([k]) => ({ cmd, key: k })),
    );
    const cases = fc.tuple(fc.constantFrom(...spots), hostileString(600), fc.boolean());
    await fc.assert(
      fc.asyncProperty(cases, async ([{ cmd, key }, text, withNul]) => {
        const s = await openSocket(url, { origin: h.agent.url });
        try {
          const session = await startSession(s);
          const value = withNul ? `${text}\u0000` : text;
          const own = cmd.payload as Record<string, unknown>;
          const payload = { ...own, ...('sessionId' in own ? { sessionId: session } : {}), [key]: value };
          sendFrame(s, { text: JSON.stringify(command(cmd.header.name, payload, 77)) });
          // No cancel after it: whatever the string, its completion must come by itself (a hostile
          // string leaves no card read waiting: ReadCard's only string is the session id).
          const answered = () =>
            completions(s).find((c) => c.header.requestId === 77 || c.header.requestId === 0);
          await settle(s, () => answered() !== undefined, 'its completion');
          const answer = answered();
          expect(answer?.payload.completionCode).not.toBe('internalError');
          if (value.includes('\u0000') && Buffer.byteLength(JSON.stringify(payload)) < MAX_MESSAGE_BYTES)
            expect(answer?.payload).toMatchObject({ completionCode: 'invalidMessage' });
        } finally {
          await closeSocket(s);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
