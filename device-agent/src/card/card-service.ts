// Waits for swipes on behalf of CardReader.ReadCard: one pending read at a time, with timeout and
// cancel. Raw track text is parsed the moment it arrives and dropped; swipes nobody waits for are
// discarded unparsed.
import type { Logger } from 'pino';
import type { CardReader } from './card-reader.ts';
import { intakeSwipe, type IntakeResult } from './card-intake.ts';

export class CardReadError extends Error {
  constructor(
    readonly code: 'timeOut' | 'cancelled' | 'busy' | 'noDevice',
    message: string,
  ) {
    super(message);
  }
}

interface PendingRead {
  resolve(r: IntakeResult): void;
  reject(e: CardReadError): void;
  timer: NodeJS.Timeout;
}

export interface CardServiceHooks {
  /** A swipe arrived for a pending read (before it is parsed). */
  onMediaInserted?(): void;
  onResult?(result: 'ok' | 'bad' | 'ignored'): void;
  /** The reader was plugged in (true) or unplugged (false). */
  onDeviceChange?(attached: boolean): void;
}

export class CardService {
  private pending: PendingRead | null = null;
  private unsubscribe: () => void;

  constructor(
    private readonly reader: CardReader,
    private readonly cardKey: Buffer,
    private readonly logger: Logger,
    private readonly hooks: CardServiceHooks = {},
  ) {
    this.unsubscribe = reader.on((event) => {
      switch (event.type) {
        case 'swipe':
          this.onSwipe(event.raw);
          break;
        case 'error':
          this.logger.warn({ message: event.message }, 'card reader error');
          break;
        case 'attach':
          this.logger.info({ event: event.type }, 'card reader attached');
          this.hooks.onDeviceChange?.(true);
          break;
        case 'detach':
          this.logger.warn({ event: event.type }, 'card reader detached');
          // A read waiting on an unplugged reader ends now with a clear error; the session goes on.
          this.failPending(new CardReadError('noDevice', 'the card reader was unplugged'));
          this.hooks.onDeviceChange?.(false);
          break;
      }
    });
  }

  /** Resolves with the next swipe's result; rejects on timeout, cancel, or when a read is already pending. */
  read(timeoutMs: number): Promise<IntakeResult> {
    if (this.pending) return Promise.reject(new CardReadError('busy', 'a card read is already in progress'));
    if (!this.reader.attached())
      return Promise.reject(new CardReadError('noDevice', 'the card reader is not attached'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        reject(new CardReadError('timeOut', `no card was swiped within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending = { resolve, reject, timer };
    });
  }

  isReading(): boolean {
    return this.pending !== null;
  }

  cancel(): boolean {
    return this.failPending(new CardReadError('cancelled', 'the card read was cancelled'));
  }

  private failPending(err: CardReadError): boolean {
    const p = this.pending;
    if (!p) return false;
    this.pending = null;
    clearTimeout(p.timer);
    p.reject(err);
    return true;
  }

  private onSwipe(raw: string): void {
    const p = this.pending;
    if (!p) {
      this.hooks.onResult?.('ignored');
      return;
    }
    this.pending = null;
    clearTimeout(p.timer);
    this.hooks.onMediaInserted?.();
    const result = intakeSwipe(raw, this.cardKey);
    this.hooks.onResult?.(result.ok ? 'ok' : 'bad');
    if (!result.ok) this.logger.info({ reason: result.reason }, 'bad swipe');
    p.resolve(result);
  }

  close(): void {
    this.cancel();
    this.unsubscribe();
  }
}
