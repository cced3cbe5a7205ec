// A PAN planted in swipes (and typed by a customer) never appears in the agent's log, its SQLite
// files (raw bytes of agent.sqlite and -wal, which hold the sync outbox), the WebSocket traffic the
// agent sends, or the hub's database.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnValid } from '../src/card/luhn.ts';
import { postJson, waitFor, type Harness, type KioskClient } from './harness.ts';
import { startCardRead } from './support/card-read.ts';
import { startKioskHarness, type KioskHarness } from './support/kiosk-harness.ts';

const PAN = '4539578763621486';
const NAME = 'PLANTED/CARDHOLDER';
const DISCRETIONARY = '7731955404';
const TRACK = `%B${PAN}^${NAME}^3105101${DISCRETIONARY}?;${PAN}=3105101${DISCRETIONARY}?`;
const SECRETS = [PAN, NAME, DISCRETIONARY];

let k: KioskHarness;
let h: Harness;
let c: KioskClient;

beforeAll(async () => {
  expect(luhnValid(PAN)).toBe(true);
  k = await startKioskHarness();
  ({ h, c } = k);
});
afterAll(() => k?.close());

function scanFiles(dir: string): string[] {
  const hits: string[] = [];
  for (const name of readdirSync(dir)) {
    const bytes = readFileSync(join(dir, name));
    for (const s of SECRETS) if (bytes.includes(Buffer.from(s, 'utf8'))) hits.push(`${name}: ${s}`);
  }
  return hits;
}

describe('a planted PAN', () => {
  it('is masked and tokenised on swipe and never leaves the parser', async () => {
    const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
    // Swiped while a read waits.
    const requestId = 900;
    await startCardRead(c, requestId, sessionId, 5000);
    await postJson(`${h.agent.url}/sim/api/card`, { raw: TRACK });
    const read = await c.completion(requestId);
    expect(read.payload).toMatchObject({
      completionCode: 'success',
      card: { maskedPan: '453957******1486', luhnValid: true },
    });

    // Swiped with nobody waiting; swiped truncated (a bad swipe); typed into a question.
    await postJson(`${h.agent.url}/sim/api/card`, { raw: TRACK });
    const bad = c.command('CardReader.ReadCard', { sessionId, timeoutMs: 5000 });
    await waitFor(
      () =>
        c.frames.filter((f) => f.header.type === 'acknowledge' && f.header.name === 'CardReader.ReadCard')
          .length >= 2 || undefined,
    );
    await postJson(`${h.agent.url}/sim/api/card`, { raw: `%B${PAN}^${NAME}^31` });
    expect((await bad).payload.errorCode).toBe('badSwipe');
    const typed = await c.command('Session.Ask', { sessionId, text: `my card is ${PAN}, is it blocked?` });
    expect(typed.payload.completionCode).toBe('success');
    await c.command('Session.End', { sessionId, outcome: 'abandoned' });

    await waitFor(
      async () => {
        const d = await h.hub.store.getConversation(sessionId);
        return d?.conversation.endedAt !== undefined && d.messages.length >= 2 ? d : undefined;
      },
      10_000,
      'conversation on the hub',
    );
  });

  it('appears in no WebSocket frame the agent sent', () => {
    const fromAgent = c.raw.filter((t) => !t.startsWith('>>')).join('\n');
    expect(fromAgent).toContain('453957******1486');
    for (const s of SECRETS) expect(fromAgent).not.toContain(s);
  });

  it('appears in neither the agent log nor the SQLite files, running or after shutdown', async () => {
    const log = readFileSync(h.logFile, 'utf8');
    expect(log).toContain('card linked to session');
    for (const s of SECRETS) expect(log).not.toContain(s);

    const agentDir = join(h.dir, 'agent');
    expect(existsSync(join(agentDir, 'agent.sqlite-wal'))).toBe(true);
    expect(scanFiles(agentDir)).toEqual([]);
    expect(scanFiles(join(h.dir, 'hub'))).toEqual([]);
    // The masked PAN is stored, so the scan looks at the right bytes.
    expect(readFileSync(join(agentDir, 'agent.sqlite-wal')).includes(Buffer.from('453957******1486'))).toBe(
      true,
    );

    await h.agent.close();
    expect(scanFiles(agentDir)).toEqual([]);
    for (const s of SECRETS) expect(readFileSync(h.logFile, 'utf8')).not.toContain(s);
  });
});
