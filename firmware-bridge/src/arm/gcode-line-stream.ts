// GRBL's character-counting streamer: lines go out while the firmware's 128-byte receive buffer has room,
// and each `ok` / `error:N` answers the oldest line in flight. Soft resets (0x18) in flight hold the stream,
// since the firmware flushes its buffer when the reset lands.
import { ArmError, type ArmErrorCode } from './arm-controller.ts';
import { now } from './base-controller.ts';
import { RX_BUFFER_BYTES } from '../protocol/gcode.ts';
import type { ByteTransport } from '../transport/byte-transport.ts';

interface Line {
  text: string;
  bytes: number;
  resolve: () => void;
  reject: (e: ArmError) => void;
  /** Set once written: counted in the firmware's buffer until answered. */
  sent: boolean;
}

const enc = new TextEncoder();

/** Waits for two line answers; rejects with the first failure, and leaves no rejection unhandled. */
export async function both(a: Promise<void>, b: Promise<void>): Promise<void> {
  const [ra, rb] = await Promise.allSettled([a, b]);
  if (ra.status === 'rejected') throw ra.reason;
  if (rb.status === 'rejected') throw rb.reason;
}

export class GcodeLineStream {
  private readonly queue: Line[] = [];
  private readonly inflight: Line[] = [];
  private inflightBytes = 0;
  /** Soft resets written and not yet answered by a banner: lines sent meanwhile would be flushed. */
  private resetsPending = 0;
  private lastResetWrite = -Infinity;

  constructor(
    private readonly transport: ByteTransport,
    private readonly stats: { lines: number },
  ) {}

  /** Queues a line; resolves on its `ok`, rejects on `error:N`, a flush, or after `timeoutMs`. */
  send(text: string, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.queue.indexOf(line);
        if (i >= 0) this.queue.splice(i, 1);
        line.reject(new ArmError('timeout', `'${text}' not answered within ${Math.round(timeoutMs)} ms`));
      }, timeoutMs);
      let settled = false;
      const line: Line = {
        text,
        bytes: text.length + 1,
        sent: false,
        resolve: () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          reject(e);
        },
      };
      this.queue.push(line);
      this.pump();
    });
  }

  /** Character counting: send while the firmware's 128-byte receive buffer has room. */
  pump(): void {
    if (this.resetsPending > 0 && now() - this.lastResetWrite > 500) this.resetsPending = 0; // a reset byte was lost
    while (this.queue.length > 0 && this.transport.isOpen && this.resetsPending === 0) {
      const l = this.queue[0]!;
      if (this.inflightBytes + l.bytes > RX_BUFFER_BYTES) return;
      this.queue.shift();
      l.sent = true;
      this.inflight.push(l);
      this.inflightBytes += l.bytes;
      this.stats.lines++;
      this.transport.write(enc.encode(l.text + '\n'));
    }
  }

  get resetPending(): boolean {
    return this.resetsPending > 0;
  }

  /** A soft reset byte was written at `t`. */
  resetWritten(t: number): void {
    this.resetsPending++;
    this.lastResetWrite = t;
  }

  /** The oldest line in flight was answered: `ok` (refuse null) or `error:N` (refuse builds the error). */
  answer(refuse: ((text: string) => ArmError) | null): void {
    const l = this.inflight.shift();
    if (l) {
      this.inflightBytes -= l.bytes;
      if (refuse) l.reject(refuse(l.text));
      else l.resolve();
    }
    this.pump();
  }

  /** The reset banner: the firmware's buffers are empty, every line in flight is gone. */
  flushed(): void {
    for (const l of this.inflight.splice(0)) l.reject(new ArmError('halted', 'arm was reset'));
    this.inflightBytes = 0;
    this.resetsPending = Math.max(0, this.resetsPending - 1);
    this.pump();
  }

  /** A new handshake: whatever the firmware held from before is no longer counted. */
  forgetInflight(): void {
    this.inflight.length = 0;
    this.inflightBytes = 0;
  }

  /** A new port: resets written to the old one will never be answered. */
  forgetResets(): void {
    this.resetsPending = 0;
  }

  /** Rejects the queued lines only (written ones stay counted). */
  rejectQueued(e: ArmError): void {
    for (const l of this.queue.splice(0)) l.reject(e);
  }

  /**
   * Rejects every queued and in-flight line. With `keepInflight` the in-flight lines stay counted (their
   * promises settled): the firmware still holds them and will answer or flush them (reset banner).
   */
  failAll(code: ArmErrorCode, why: string, keepInflight = false): void {
    const lines = [...this.inflight, ...this.queue];
    this.queue.length = 0;
    if (!keepInflight) {
      this.inflight.length = 0;
      this.inflightBytes = 0;
    }
    for (const l of lines) l.reject(new ArmError(code, why));
  }
}
