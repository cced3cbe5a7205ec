// Conversations and messages. Each write and its sync outbox entry commit in ONE transaction, so the
// hub receives exactly what the kiosk committed; the caller nudges the sync after the commit.
import type { Conversation, Message, OutboxWriter } from '@branch/cloud-sync';
import { ulid } from 'ulid';
import type { Db } from './open-database.ts';

interface ConversationRow {
  id: string;
  locale: Conversation['locale'];
  started_at: string;
  ended_at: string | null;
  outcome: Conversation['outcome'] | null;
  masked_pan: string | null;
  customer_token: string | null;
  rating: number | null;
  emotion_json: string | null;
}

export class ConversationStore {
  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxWriter,
    private readonly kioskId: string,
  ) {}

  start(id: string, locale: Conversation['locale'], startedAt: string): Conversation {
    return this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO conversations (id, locale, started_at) VALUES (?, ?, ?)')
        .run(id, locale, startedAt);
      return this.enqueueConversation(id);
    })();
  }

  addMessage(message: Message): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO messages (id, conversation_id, role, text, at, article_id) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          message.id,
          message.conversationId,
          message.role,
          message.text,
          message.at,
          message.articleId ?? null,
        );
      this.outbox.enqueue({ entity: 'message', data: message });
    })();
  }

  /**
   * A consent given or refused in this conversation, as a device event (consent.given / consent.refused)
   * in the outbox: the hub turns it into an audit entry. The outbox row is the record (one transaction).
   */
  recordConsent(conversationId: string, kind: 'camera' | 'recording', given: boolean, at: string): void {
    const type = given ? 'consent.given' : 'consent.refused';
    this.db.transaction(() => {
      this.outbox.enqueue({
        entity: 'device_event',
        data: {
          id: ulid(),
          kioskId: this.kioskId,
          at,
          source: 'session',
          type,
          severity: 'info',
          message: `${kind} consent ${given ? 'given' : 'refused'}`,
          data: { kind, conversationId },
        },
      });
    })();
  }

  linkCard(id: string, maskedPan: string, customerToken: string): Conversation {
    return this.db.transaction(() => {
      this.db
        .prepare('UPDATE conversations SET masked_pan = ?, customer_token = ? WHERE id = ?')
        .run(maskedPan, customerToken, id);
      return this.enqueueConversation(id);
    })();
  }

  /** Stores the 1..5 rating (the table's CHECK refuses others); a later rating replaces an earlier one. */
  rate(id: string, rating: number): Conversation {
    return this.db.transaction(() => {
      this.db.prepare('UPDATE conversations SET rating = ? WHERE id = ?').run(rating, id);
      return this.enqueueConversation(id);
    })();
  }

  /** Stores the session's emotion-cue summary (already validated); a later one replaces an earlier one. */
  setEmotion(id: string, emotion: NonNullable<Conversation['emotion']>): Conversation {
    return this.db.transaction(() => {
      this.db
        .prepare('UPDATE conversations SET emotion_json = ? WHERE id = ?')
        .run(JSON.stringify(emotion), id);
      return this.enqueueConversation(id);
    })();
  }

  end(id: string, endedAt: string, outcome: NonNullable<Conversation['outcome']>): Conversation {
    return this.db.transaction(() => {
      this.db
        .prepare('UPDATE conversations SET ended_at = ?, outcome = ? WHERE id = ?')
        .run(endedAt, outcome, id);
      return this.enqueueConversation(id);
    })();
  }

  get(id: string): Conversation | null {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as
      ConversationRow | undefined;
    return row ? this.toConversation(row) : null;
  }

  /** Conversations left open by a crash: ended as abandoned at start-up. */
  endOrphans(endedAt: string): number {
    const ids = this.db
      .prepare('SELECT id FROM conversations WHERE ended_at IS NULL')
      .pluck()
      .all() as string[];
    for (const id of ids) this.end(id, endedAt, 'abandoned');
    return ids.length;
  }

  private enqueueConversation(id: string): Conversation {
    const row = this.db.prepare('SELECT * FROM conversations WHERE id = ?').get(id) as
      ConversationRow | undefined;
    if (!row) throw new Error(`conversation ${id} not found`);
    const conversation = this.toConversation(row);
    this.outbox.enqueue({ entity: 'conversation', data: conversation });
    return conversation;
  }

  private toConversation(row: ConversationRow): Conversation {
    const c: Conversation = {
      id: row.id,
      kioskId: this.kioskId,
      locale: row.locale,
      startedAt: row.started_at,
    };
    if (row.ended_at !== null) c.endedAt = row.ended_at;
    if (row.outcome !== null) c.outcome = row.outcome;
    if (row.masked_pan !== null) c.maskedPan = row.masked_pan;
    if (row.customer_token !== null) c.customerToken = row.customer_token;
    if (row.rating !== null) c.rating = row.rating;
    if (row.emotion_json !== null) c.emotion = JSON.parse(row.emotion_json) as Conversation['emotion'];
    return c;
  }
}
