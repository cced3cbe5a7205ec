// Customer sessions: one conversation each, kept in memory only while it lasts and wiped at the end.
// Writes go through ConversationStore (change + outbox in one transaction), then sync.nudge().
import type { Conversation, KioskSync } from '@branch/cloud-sync';
import type { Logger } from 'pino';
import { ulid } from 'ulid';
import type { CardIdentity } from '../card/card-intake.ts';
import { scrubText } from '../log/pan-guard.ts';
import type { Answer, EmotionSummary } from '../protocol/messages.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import { KB_SETTINGS } from '../kb/kb-settings.ts';
import { UnderstanderCache } from '../knowledge/understander-cache.ts';
import type { DialogueState } from '../kb/dialogue.ts';
import { dialogueTurn } from './dialogue-turn.ts';
import { backgroundTimers, DebounceTimer } from '../timing/debounce-timer.ts';

type Locale = Conversation['locale'];
export type EndOutcome = 'answered' | 'abandoned' | 'timed_out' | 'handed_off';

interface LiveSession {
  id: string;
  locale: Locale;
  /** Ends the session after idleTimeoutMs without a request. */
  idle: DebounceTimer;
  /** The last question (scrubbed), the bot's confidence and intent: a handoff request carries them. */
  last?: LastExchange;
  /** The visit's dialogue: last topic and the choices just offered. */
  dialogue: DialogueState;
  /** The customer's face showed a negative cue long enough (emotion summary): routing may raise priority. */
  negativeCue: boolean;
}

export interface LastExchange {
  text: string;
  confidence: number;
  /** Routing's name of what the customer asked about ('none' when the kiosk did not know). */
  intent: string;
}

export class SessionError extends Error {
  constructor(
    readonly code: 'unknownSession',
    message: string,
  ) {
    super(message);
  }
}

export interface SessionServiceOptions {
  idleTimeoutMs: number;
  /** A floor on the answer confidence, raising (never lowering) the tuned reject threshold. */
  answerThreshold: number;
}

export class SessionService {
  private live = new Map<string, LiveSession>();
  private endListeners = new Set<(id: string) => void>();
  private readonly understanders: UnderstanderCache;

  constructor(
    private readonly store: ConversationStore,
    private readonly sync: Pick<KioskSync, 'articles' | 'nudge' | 'onArticles'>,
    private readonly options: SessionServiceOptions,
    private readonly logger: Logger,
  ) {
    this.understanders = new UnderstanderCache({
      ...KB_SETTINGS,
      rejectBelow: Math.max(KB_SETTINGS.rejectBelow, options.answerThreshold),
    });
    // Built when the articles change, in the background, not when a customer asks.
    this.refreshUnderstander();
    sync.onArticles(() => this.refreshUnderstander());
  }

  private refreshUnderstander(): void {
    this.understanders
      .refresh(this.sync.articles())
      .catch((err: unknown) => this.logger.error({ err }, 'the question understander could not be built'));
  }

  start(locale: Locale): string {
    const id = ulid();
    this.store.start(id, locale, new Date().toISOString());
    this.sync.nudge();
    const idle = new DebounceTimer(backgroundTimers);
    this.live.set(id, { id, locale, idle, negativeCue: false, dialogue: {} });
    this.restartIdle(id, idle);
    this.logger.info({ sessionId: id, locale }, 'session started');
    return id;
  }

  async ask(sessionId: string, question: string): Promise<Answer> {
    this.touch(sessionId);
    // Customers sometimes type card numbers: they are never stored.
    const text = scrubText(question);
    const askedAt = new Date().toISOString();
    const articles = this.sync.articles();
    // Only the first question after start waits (for the first build); later ones get the latest model.
    const understander = await this.understanders.for(articles);
    // The session may have ended while the first build ran.
    const s = this.touch(sessionId);
    const turn = dialogueTurn(s.dialogue, text, s.locale, understander, articles);
    // The question goes up with how it was understood: the hub counts the missed ones per topic.
    this.store.addMessage({
      id: ulid(),
      conversationId: s.id,
      role: 'customer',
      text,
      at: askedAt,
      understanding: { ...turn.understood, locale: s.locale },
    });
    const answer = turn.answer;
    s.dialogue = turn.state;
    s.last = { text, confidence: answer.confidence, intent: answer.intent ?? 'none' };
    const reply = {
      id: ulid(),
      conversationId: s.id,
      role: 'bot' as const,
      text: answer.text,
      at: new Date().toISOString(),
    };
    this.store.addMessage(answer.articleId === undefined ? reply : { ...reply, articleId: answer.articleId });
    this.sync.nudge();
    this.logger.info(
      { sessionId, articleId: answer.articleId, intent: answer.intent, confidence: answer.confidence },
      'question answered',
    );
    return answer;
  }

  /** Links a swiped card (masked PAN and token only) to the session's conversation. */
  linkCard(sessionId: string, card: CardIdentity): void {
    const s = this.touch(sessionId);
    this.store.linkCard(s.id, card.maskedPan, card.token);
    this.sync.nudge();
    this.logger.info({ sessionId }, 'card linked to session');
  }

  /** The customer's 1..5 satisfaction rating; a second one replaces the first. */
  rate(sessionId: string, rating: number): void {
    const s = this.touch(sessionId);
    this.store.rate(s.id, rating);
    this.sync.nudge();
    this.logger.info({ sessionId, rating }, 'session rated');
  }

  /** The page's emotion-cue summary so far (counts and durations per cue); a later one replaces it. */
  setEmotion(sessionId: string, summary: EmotionSummary): void {
    const s = this.touch(sessionId);
    s.negativeCue ||= summary.negativeSustained;
    this.store.setEmotion(s.id, summary);
    this.sync.nudge();
    this.logger.info(
      { sessionId, dominant: summary.dominant, negativeCue: s.negativeCue },
      'emotion summary',
    );
  }

  /** The customer's consent (or refusal) to the camera or the call's recording, for the hub's audit log. */
  consent(sessionId: string, kind: 'camera' | 'recording', given: boolean): void {
    const s = this.touch(sessionId);
    this.store.recordConsent(s.id, kind, given, new Date().toISOString());
    this.sync.nudge();
    this.logger.info({ sessionId, kind, given }, 'consent recorded');
  }

  /** Whether a live session's customer has shown a sustained negative cue (for routing's priority). */
  negativeCue(sessionId: string): boolean {
    return this.require(sessionId).negativeCue;
  }

  end(sessionId: string, outcome: EndOutcome): void {
    const s = this.require(sessionId);
    s.idle.cancel();
    this.live.delete(sessionId);
    this.store.end(s.id, new Date().toISOString(), outcome);
    this.sync.nudge();
    this.logger.info({ sessionId, outcome }, 'session ended');
    for (const l of [...this.endListeners]) l(sessionId);
  }

  /** Locale and last exchange of a live session (for a handoff request). */
  summary(sessionId: string): { locale: Locale; last?: LastExchange } {
    const s = this.touch(sessionId);
    return s.last ? { locale: s.locale, last: s.last } : { locale: s.locale };
  }

  has(sessionId: string): boolean {
    return this.live.has(sessionId);
  }

  /** Throws unless the session is live; resets its idle timer. */
  touch(sessionId: string): LiveSession {
    const s = this.require(sessionId);
    this.restartIdle(sessionId, s.idle);
    return s;
  }

  onEnd(listener: (id: string) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** Ends every live session (agent shutdown). */
  endAll(outcome: EndOutcome): void {
    for (const id of [...this.live.keys()]) this.end(id, outcome);
  }

  private require(sessionId: string): LiveSession {
    const s = this.live.get(sessionId);
    if (!s) throw new SessionError('unknownSession', `no live session ${sessionId}`);
    return s;
  }

  private restartIdle(id: string, idle: DebounceTimer): void {
    idle.restart(this.options.idleTimeoutMs, () => {
      if (!this.live.has(id)) return;
      // A timer has no caller to throw to: a failed write (a full disk, the store already closed) must
      // not take the agent down. The conversation stays open in the store; the next start ends it.
      try {
        this.end(id, 'timed_out');
      } catch (err) {
        this.logger.error({ err, sessionId: id }, 'an idle session could not be ended');
      }
    });
  }
}
