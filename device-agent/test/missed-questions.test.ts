// Learning from misses on the kiosk side (issue 12, item 5): every customer question is stored with how
// the kiosk understood it (answered, asked back, missed, with the best-guess topic), and that goes up
// through the sync outbox in the same transaction as the message. A card number typed as a question
// stays masked on the way. On real SQLite with the real outbox, then through a real hub.
import { DEFAULT_ARTICLES, type Message, type MessageUnderstanding } from '@branch/cloud-sync';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SessionService } from '../src/session/session-service.ts';
import { ConversationStore } from '../src/store/conversation-store.ts';
import { KioskClient, startHarness, waitFor } from './harness.ts';
import { waitArmLinkUp } from './support/readiness.ts';
import { openTempStore, type TempStore } from './support/temp-store.ts';

const PAN = '6228480044712359080';

describe('questions in the outbox carry how the kiosk understood them', () => {
  let temp: TempStore;
  let sessions: SessionService;

  beforeEach(() => {
    temp = openTempStore('agent-misses-', 'kiosk-m');
    const store = new ConversationStore(temp.db, temp.sync.outbox, 'kiosk-m');
    // The seeded articles as the kiosk's replica would hold them after a pull.
    const sync = {
      articles: () => DEFAULT_ARTICLES,
      nudge: () => temp.sync.nudge(),
      onArticles: () => () => true,
    };
    sessions = new SessionService(
      store,
      sync,
      { idleTimeoutMs: 60_000, answerThreshold: 0.35 },
      pino({ level: 'silent' }),
    );
  });
  afterEach(async () => {
    // Live sessions keep idle timers: end them before their store closes.
    sessions.endAll('abandoned');
    await temp.close();
  });

  /** The customer messages waiting in the outbox, oldest first, as the hub will receive them. */
  const queuedQuestions = (): Message[] =>
    (
      temp.db
        .prepare("SELECT data FROM sync_outbox WHERE entity = 'message' ORDER BY id")
        .pluck()
        .all() as string[]
    )
      .map((d) => JSON.parse(d) as Message)
      .filter((m) => m.role === 'customer');

  it("records a miss with its best guess, an answer with its article, in the question's own change", async () => {
    const id = sessions.start('en');
    const missed = await sessions.ask(id, 'can you recommend a good restaurant nearby');
    expect(missed.decision).toBe('none');
    const answered = await sessions.ask(id, 'what are your opening hours');
    expect(answered).toMatchObject({ decision: 'answer', articleId: 'branch-opening-hours' });

    const [miss, hit] = queuedQuestions();
    expect(miss?.text).toBe('can you recommend a good restaurant nearby');
    expect(miss?.understanding).toMatchObject({ outcome: 'miss', locale: 'en' });
    expect(miss!.understanding!.confidence).toBe(missed.confidence);
    expect(hit?.understanding).toEqual({
      outcome: 'answered',
      topic: 'branch-opening-hours',
      confidence: answered.confidence,
      locale: 'en',
    } satisfies MessageUnderstanding);
  });

  it('records a question between two close topics as asked back, with the first topic offered', async () => {
    const id = sessions.start('en');
    const answer = await sessions.ask(id, 'loan for home renovation');
    expect(answer.decision).toBe('clarify');
    expect(queuedQuestions()[0]?.understanding).toMatchObject({
      outcome: 'clarify',
      topic: answer.options?.[0]?.articleId,
    });
  });

  it('records a guided flow asking for its missing detail as understood: the topic was found', async () => {
    const id = sessions.start('en');
    expect((await sessions.ask(id, 'my card is gone')).decision).toBe('clarify');
    expect(queuedQuestions()[0]?.understanding).toMatchObject({
      outcome: 'answered',
      topic: 'card-lost-stolen',
    });
  });

  it('keeps a card number typed as a question masked in the outbox', async () => {
    const id = sessions.start('zh-CN');
    await sessions.ask(id, PAN);
    await sessions.ask(
      id,
      `卡号 ${PAN.slice(0, 4)} ${PAN.slice(4, 8)} ${PAN.slice(8, 12)} ${PAN.slice(12)} 怎么查`,
    );
    const outbox = (temp.db.prepare('SELECT data FROM sync_outbox').pluck().all() as string[]).join('\n');
    expect(outbox).not.toContain(PAN);
    expect(outbox).not.toContain(PAN.slice(6, 12));
    const questions = queuedQuestions();
    expect(questions).toHaveLength(2);
    for (const q of questions) {
      expect(q.text).toContain('[redacted]');
      expect(q.understanding?.outcome).toBe('miss');
    }
  });
});

describe('a missed question reaches the hub', () => {
  it('is counted under its best-guess topic and locale there', async () => {
    const h = await startHarness();
    try {
      await waitArmLinkUp(h.agent.url);
      const c = await KioskClient.connect(h.agent.url);
      const sessionId = (await c.command('Session.Start', { locale: 'zh-CN' })).payload.sessionId as string;
      const r = await c.command('Session.Ask', { sessionId, text: '附近哪里有好吃的餐厅' });
      expect((r.payload.answer as { decision: string }).decision).toBe('none');
      await c.close();
      const since = new Date(Date.now() - 60_000).toISOString();
      const until = new Date(Date.now() + 60_000).toISOString();
      const topics = await waitFor(
        async () => {
          const t = await h.hub.store.missedQuestions(since, until, 5);
          return t.length > 0 ? t : undefined;
        },
        10_000,
        'the miss at the hub',
      );
      expect(topics).toHaveLength(1);
      expect(topics[0]).toMatchObject({ locale: 'zh-CN', missed: 1, clarified: 0 });
      expect(topics[0]!.examples.map((e) => e.text)).toEqual(['附近哪里有好吃的餐厅']);
    } finally {
      await h.close();
    }
  });
});
