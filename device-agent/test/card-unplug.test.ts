// Unplugging the card reader mid-session: a pending read ends with deviceNotReady, the kiosk gets
// CardReader.DeviceStatusChanged, the customer session goes on, and after replugging a swipe reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskClient, postJson, startHarness, waitFor, type Harness } from './harness.ts';
import { startCardRead } from './support/card-read.ts';

let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  h = await startHarness();
  c = await KioskClient.connect(h.agent.url);
  await waitFor(
    () => c.frames.find((f) => f.header.name === 'Common.StatusChanged' && f.payload.available === true),
    15_000,
    'available',
  );
});
afterAll(async () => {
  await c?.close();
  await h?.close();
});

describe('card reader unplugged mid-session', () => {
  it('ends the pending read clearly, keeps the session, and reads again after replug', async () => {
    const state = (await (await fetch(`${h.agent.url}/sim/api/state`)).json()) as { cards: { id: string }[] };
    const cardId = (state.cards[0] as { id: string }).id;
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    const requestId = 700;
    await startCardRead(c, requestId, sessionId, 20_000);
    expect((await postJson(`${h.agent.url}/sim/api/card-reader`, { plugged: false })).status).toBe(200);

    const done = await c.completion(requestId, 5000);
    expect(done.payload).toMatchObject({ completionCode: 'deviceNotReady' });
    expect(String(done.payload.errorDescription)).toMatch(/unplugged/);
    await waitFor(() =>
      c.frames.find(
        (f) => f.header.name === 'CardReader.DeviceStatusChanged' && f.payload.attached === false,
      ),
    );
    // A swipe on the unplugged reader goes nowhere; a new read is refused as not ready.
    expect((await postJson(`${h.agent.url}/sim/api/card`, { cardId })).status).toBe(409);
    expect(
      (await c.command('CardReader.ReadCard', { sessionId, timeoutMs: 2000 })).payload.completionCode,
    ).toBe('deviceNotReady');

    // The session survived.
    const asked = await c.command('Session.Ask', { sessionId, text: 'What are your opening hours?' });
    expect(asked.payload.completionCode).toBe('success');

    await postJson(`${h.agent.url}/sim/api/card-reader`, { plugged: true });
    await waitFor(() =>
      c.frames.find((f) => f.header.name === 'CardReader.DeviceStatusChanged' && f.payload.attached === true),
    );
    const read = c.command('CardReader.ReadCard', { sessionId, timeoutMs: 5000 });
    await waitFor(
      () =>
        c.frames.filter((f) => f.header.type === 'acknowledge' && f.header.name === 'CardReader.ReadCard')
          .length >= 3 || undefined,
    );
    await postJson(`${h.agent.url}/sim/api/card`, { cardId });
    expect((await read).payload.completionCode).toBe('success');
    await c.command('Session.End', { sessionId, outcome: 'answered' });
  });
});
