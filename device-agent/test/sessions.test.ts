// Customer sessions on real SQLite and the real sync outbox: idle timeout, wipe at the end, card
// numbers typed by customers never stored, and a page that drops its socket abandons its sessions.
import type { KioskSync } from '@branch/cloud-sync';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionService } from '../src/session/session-service.ts';
import { ConversationStore } from '../src/store/conversation-store.ts';
import type { Db } from '../src/store/open-database.ts';
import { KioskClient, startHarness, waitFor } from './harness.ts';
import { waitArmLinkUp } from './support/readiness.ts';
import { openTempStore, type TempStore } from './support/temp-store.ts';

describe('SessionService', () => {
  let temp: TempStore;
  let db: Db;
  let sync: KioskSync;
  let store: ConversationStore;

  beforeEach(() => {
    temp = openTempStore('agent-sessions-', 'kiosk-q');
    ({ db, sync } = temp);
    store = new ConversationStore(db, sync.outbox, 'kiosk-q');
  });
  afterEach(async () => {
    vi.useRealTimers();
    await temp.close();
  });

  it('ends an idle session as timed_out and forgets it', async () => {
    // Timeouts only: the understander's build pauses on setImmediate, which must stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sessions = new SessionService(
      store,
      sync,
      { idleTimeoutMs: 60_000, answerThreshold: 0.35 },
      pino({ level: 'silent' }),
    );
    const ended: string[] = [];
    sessions.onEnd((id) => ended.push(id));
    const id = sessions.start('en');
    vi.advanceTimersByTime(59_000);
    await sessions.ask(id, 'hello?'); // activity resets the idle timer
    vi.advanceTimersByTime(59_000);
    expect(sessions.has(id)).toBe(true);
    vi.advanceTimersByTime(1_000);
    expect(sessions.has(id)).toBe(false);
    expect(ended).toEqual([id]);
    expect(store.get(id)?.outcome).toBe('timed_out');
    await expect(sessions.ask(id, 'still there?')).rejects.toThrow(/no live session/);
  });

  it('logs, and stays up, when an idle session cannot be ended in a closed store', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void lines.push(line) });
    const sessions = new SessionService(
      store,
      sync,
      { idleTimeoutMs: 60_000, answerThreshold: 0.35 },
      logger,
    );
    const id = sessions.start('en');
    db.close();
    // The timeout runs the write with no caller to catch it: a throw here would be uncaught.
    expect(() => vi.advanceTimersByTime(60_000)).not.toThrow();
    expect(sessions.has(id)).toBe(false);
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual([
      'an idle session could not be ended',
    ]);
  });

  it('stores a typed card number scrubbed and answers "not sure" with no articles', async () => {
    const sessions = new SessionService(
      store,
      sync,
      { idleTimeoutMs: 60_000, answerThreshold: 0.35 },
      pino({ level: 'silent' }),
    );
    const id = sessions.start('zh-CN');
    const answer = await sessions.ask(id, '我的卡号是 6228480044712359080 被锁了');
    expect(answer.confidence).toBe(0);
    expect(answer.text).toMatch(/人工/);
    const texts = db
      .prepare('SELECT text FROM messages WHERE conversation_id = ? ORDER BY at')
      .pluck()
      .all(id) as string[];
    expect(texts[0]).toBe('我的卡号是 [redacted] 被锁了');
    sessions.endAll('abandoned');
    expect(store.get(id)?.outcome).toBe('abandoned');
  });
});

describe('a kiosk page that goes away', () => {
  it('abandons the sessions it started', async () => {
    const h = await startHarness();
    try {
      await waitArmLinkUp(h.agent.url);
      const c = await KioskClient.connect(h.agent.url);
      const sessionId = (await c.command('Session.Start', { locale: 'en' })).payload.sessionId as string;
      await c.close();
      const other = await KioskClient.connect(h.agent.url);
      await waitFor(
        async () => {
          const r = await other.command('Session.Ask', { sessionId, text: 'hello' });
          return r.payload.errorCode === 'unknownSession' || undefined;
        },
        5000,
        'session abandoned',
      );
      await other.close();
      const detail = await waitFor(
        async () => {
          const d = await h.hub.store.getConversation(sessionId);
          return d?.conversation.outcome === 'abandoned' ? d : undefined;
        },
        10_000,
        'abandoned on the hub',
      );
      expect(detail.conversation.endedAt).toBeDefined();
    } finally {
      await h.close();
    }
  });
});
