// Malformed WebSocket messages get an error completion naming the problem, and the socket stays up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_MESSAGE_BYTES } from '../src/index.ts';
import { KioskClient, startHarness, waitFor, type Harness } from './harness.ts';

let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  h = await startHarness();
  c = await KioskClient.connect(h.agent.url);
});
afterAll(async () => {
  await c?.close();
  await h?.close();
});

const lastCompletion = async (count: number) => {
  await waitFor(
    () => c.frames.filter((f) => f.header.type === 'completion').length >= count || undefined,
    5000,
    'completion',
  );
  return c.frames.filter((f) => f.header.type === 'completion')[count - 1]!;
};

describe('kiosk WebSocket protocol', () => {
  it('pushes the current availability on connect', async () => {
    const first = await waitFor(() => c.frames[0]);
    expect(first.header).toMatchObject({ type: 'unsolicited', name: 'Common.StatusChanged', requestId: 0 });
    expect(first.payload).toHaveProperty('safetyState');
  });

  it('answers each kind of bad message with an error completion and keeps the connection', async () => {
    c.sendRaw('this is not json');
    expect((await lastCompletion(1)).payload).toMatchObject({
      completionCode: 'invalidMessage',
      errorDescription: expect.stringMatching(/JSON/),
    });

    c.sendRaw(
      JSON.stringify({
        header: { type: 'command', name: 'Session.Start', requestId: 41 },
        payload: { locale: 'en' },
      }),
    );
    const noVersion = await lastCompletion(2);
    expect(noVersion.header).toMatchObject({ name: 'Session.Start', requestId: 41 });
    expect(noVersion.payload.errorDescription).toMatch(/version/);

    c.sendRaw(
      JSON.stringify({
        header: { type: 'command', name: 'Arm.Dance', requestId: 42, version: '1.0' },
        payload: {},
      }),
    );
    expect((await lastCompletion(3)).payload).toMatchObject({
      completionCode: 'unsupportedCommand',
      errorDescription: expect.stringMatching(/Arm\.Dance/),
    });

    c.sendRaw(
      JSON.stringify({
        header: { type: 'command', name: 'Session.Start', requestId: 43, version: '1.0' },
        payload: { locale: 'fr' },
      }),
    );
    expect((await lastCompletion(4)).payload).toMatchObject({
      completionCode: 'invalidMessage',
      errorDescription: expect.stringMatching(/payload\.locale/),
    });

    c.sendRaw(
      JSON.stringify({
        header: { type: 'command', name: 'Session.Ask', requestId: 44, version: '1.0' },
        payload: { sessionId: 's', text: 'x'.repeat(MAX_MESSAGE_BYTES) },
      }),
    );
    expect((await lastCompletion(5)).payload).toMatchObject({
      completionCode: 'invalidMessage',
      errorDescription: expect.stringMatching(/exceeds/),
    });

    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect((await lastCompletion(6)).payload).toMatchObject({
      completionCode: 'invalidMessage',
      errorDescription: expect.stringMatching(/binary/),
    });

    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    const status = await c.command('Common.Status', {});
    expect(status.payload).toMatchObject({ completionCode: 'success', kioskId: 'kiosk-t1' });
    // A valid command is acknowledged before it completes.
    const ack = c.frames.find(
      (f) => f.header.type === 'acknowledge' && f.header.requestId === status.header.requestId,
    );
    expect(ack?.header.name).toBe('Common.Status');
  });

  it('reports commands on unknown sessions as command errors', async () => {
    const r = await c.command('Session.Ask', { sessionId: 'nope', text: 'hello' });
    expect(r.payload).toMatchObject({ completionCode: 'commandErrorCode', errorCode: 'unknownSession' });
  });

  // Issue 14, found by the socket fuzz: the hub refuses NUL, so a question holding one would have
  // waited in the outbox for good. It is an invalid message, and nothing of it is stored.
  it('refuses a NUL in a command’s text as an invalid message', async () => {
    const started = await c.command('Session.Start', { locale: 'en' });
    const sessionId = String(started.payload.sessionId);
    const r = await c.command('Session.Ask', { sessionId, text: 'where is\u0000 the ATM' });
    expect(r.payload).toMatchObject({
      completionCode: 'invalidMessage',
      errorDescription: 'payload.text: NUL characters are not accepted',
    });
    const ok = await c.command('Session.Ask', { sessionId, text: 'where is the ATM' });
    expect(ok.payload).toMatchObject({ completionCode: 'success' });
    await c.command('Session.End', { sessionId, outcome: 'answered' });
  });

  it('refuses WebSocket connections from other origins', async () => {
    const ws = new WebSocket(`${h.agent.url.replace('http', 'ws')}/ws`, { origin: 'http://evil.example' });
    const err = await new Promise<Error>((resolve) => ws.once('error', resolve));
    expect(err.message).toMatch(/403/);
  });
});
