// What each WebSocket command does. Handlers return the completion's result payload or throw
// CommandError; the gateway turns both into completions.
import { isStorageFullError } from '@branch/cloud-sync';
import type { CompletionCode } from '../protocol/envelope.ts';
import type { CompletionResults, ServiceAvailability } from '../protocol/messages.ts';
import type { ParsedCommand } from '../protocol/validate-message.ts';
import { CardReadError, type CardService } from '../card/card-service.ts';
import { describeSwipeError } from '../card/track-parser.ts';
import type { CustomerProfiles } from '../customer/customer-profiles.ts';
import { SessionError, type SessionService } from '../session/session-service.ts';
import {
  HandoffLimitReachedError,
  HandoffUnavailableError,
  type HandoffRelay,
  type SessionIdentity,
} from '../handoff/handoff-relay.ts';

export class CommandError extends Error {
  constructor(
    readonly completionCode: CompletionCode,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

export interface CommandContext {
  sessions: SessionService;
  cards: CardService;
  profiles: CustomerProfiles;
  availability(): ServiceAvailability;
  /** The debounced customer sensor at the kiosk front. */
  customerPresent(): boolean;
  kioskId: string;
  version: string;
  /** Sessions started on this connection, ended as abandoned if it drops. */
  ownedSessions: Set<string>;
  /** The card read this connection is waiting for, cancelled if its session ends or the page goes. */
  pendingRead: { sessionId: string } | null;
  handoff: HandoffRelay;
  /** Masked card and profile per session of this connection, for a handoff request. */
  identified: Map<string, SessionIdentity>;
}

type Result = CompletionResults[keyof CompletionResults];

export async function runCommand(cmd: ParsedCommand, ctx: CommandContext): Promise<Result> {
  try {
    return await dispatch(cmd, ctx);
  } catch (err) {
    if (err instanceof CommandError) throw err;
    if (err instanceof SessionError) throw new CommandError('commandErrorCode', err.message, err.code);
    if (err instanceof HandoffUnavailableError) throw new CommandError('deviceNotReady', err.message);
    // Over the hub's per-kiosk handoff limit: a completion the page can name, not an internal error.
    if (err instanceof HandoffLimitReachedError)
      throw new CommandError('commandErrorCode', err.message, 'tooManyHandoffs');
    // A full disk is said plainly (the write was rolled back whole), not as an internal error.
    if (isStorageFullError(err))
      throw new CommandError(
        'deviceNotReady',
        'the kiosk’s storage is full; nothing was saved',
        'storageFull',
      );
    if (err instanceof CardReadError) {
      const code: CompletionCode =
        err.code === 'timeOut'
          ? 'timeOut'
          : err.code === 'cancelled'
            ? 'cancelled'
            : err.code === 'noDevice'
              ? 'deviceNotReady'
              : 'commandErrorCode';
      throw new CommandError(code, err.message, err.code === 'busy' ? 'readInProgress' : undefined);
    }
    throw err;
  }
}

/** A session started on another connection answers to that connection only. */
function assertOwned(cmd: ParsedCommand, ctx: CommandContext): void {
  const id = 'sessionId' in cmd.payload ? cmd.payload.sessionId : undefined;
  if (typeof id === 'string' && !ctx.ownedSessions.has(id) && ctx.sessions.has(id))
    throw new CommandError(
      'commandErrorCode',
      'this session belongs to another connection',
      'notYourSession',
    );
}

async function dispatch(cmd: ParsedCommand, ctx: CommandContext): Promise<Result> {
  assertOwned(cmd, ctx);
  switch (cmd.name) {
    case 'Common.Status':
      return {
        availability: ctx.availability(),
        kioskId: ctx.kioskId,
        version: ctx.version,
        capabilities: ['Handoff'],
        customerPresent: ctx.customerPresent(),
      };
    case 'Session.Start': {
      const a = ctx.availability();
      if (!a.available)
        throw new CommandError('deviceNotReady', `the service is unavailable (${a.reason ?? a.safetyState})`);
      const sessionId = ctx.sessions.start(cmd.payload.locale);
      ctx.ownedSessions.add(sessionId);
      return { sessionId };
    }
    case 'Session.Ask':
      return { answer: await ctx.sessions.ask(cmd.payload.sessionId, cmd.payload.text) };
    case 'Session.Rate':
      ctx.sessions.rate(cmd.payload.sessionId, cmd.payload.rating);
      return {};
    case 'Session.Emotion':
      ctx.sessions.setEmotion(cmd.payload.sessionId, cmd.payload.summary);
      return {};
    case 'Session.Consent':
      ctx.sessions.consent(cmd.payload.sessionId, cmd.payload.kind, cmd.payload.given);
      return {};
    case 'Session.End':
      if (ctx.pendingRead?.sessionId === cmd.payload.sessionId) ctx.cards.cancel();
      ctx.sessions.end(cmd.payload.sessionId, cmd.payload.outcome);
      ctx.ownedSessions.delete(cmd.payload.sessionId);
      ctx.identified.delete(cmd.payload.sessionId);
      return {};
    case 'CardReader.ReadCard': {
      const { sessionId, timeoutMs } = cmd.payload;
      ctx.sessions.touch(sessionId);
      if (ctx.cards.isReading()) throw new CardReadError('busy', 'a card read is already in progress');
      const read = ctx.cards.read(timeoutMs);
      ctx.pendingRead = { sessionId };
      const r = await read.finally(() => {
        ctx.pendingRead = null;
      });
      if (!r.ok) throw new CommandError('commandErrorCode', describeSwipeError(r.reason), 'badSwipe');
      // Only a number that passes Luhn identifies a customer; a misread is shown, not linked.
      if (r.card.luhnValid && ctx.sessions.has(sessionId)) ctx.sessions.linkCard(sessionId, r.card);
      const card = { maskedPan: r.card.maskedPan, luhnValid: r.card.luhnValid };
      const result = { card: r.card.expiry === undefined ? card : { ...card, expiry: r.card.expiry } };
      // The profile goes to the page (tier and rating only); the token it was found by stays here.
      const customer = r.card.luhnValid ? await ctx.profiles.lookup(r.card.token) : null;
      if (r.card.luhnValid && ctx.sessions.has(sessionId))
        ctx.identified.set(
          sessionId,
          customer ? { maskedPan: r.card.maskedPan, customer } : { maskedPan: r.card.maskedPan },
        );
      return customer ? { ...result, customer } : result;
    }
    case 'Handoff.Request':
      return ctx.handoff.request(cmd.payload, ctx.identified.get(cmd.payload.sessionId));
    case 'CardReader.Cancel':
      // Only this connection's own read: another page cannot cancel a customer's swipe.
      if (ctx.pendingRead) ctx.cards.cancel();
      return {};
  }
}
