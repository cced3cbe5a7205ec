// Reliable link over the frame codec: cumulative acks, a bounded window, duplicate suppression, and a
// receiver that holds frames arriving ahead of a gap, so that the sender only resends the oldest
// unacknowledged frame on timeout (one frame per round instead of the whole window: on a noisy line,
// go-back-N would resend every frame behind each lost one). Pure: the owner feeds bytes in, supplies
// `write`, and calls `tick(now)`.
import { encodeFrame, FrameDecoder, type DecoderCounters, type Frame } from './frame.ts';

export interface LinkCounters {
  sent: number;
  received: number;
  retransmits: number;
  duplicates: number;
  outOfOrder: number;
  acked: number;
}

export interface ReliableLinkOptions {
  write: (bytes: Uint8Array) => void;
  /** Called for every unsequenced frame and, once and in order, for every reliable frame. */
  onFrame: (frame: Frame) => void;
  /** Frames in flight at most (1..127). */
  window?: number;
  /** Retransmit timeout, ms. */
  rtoMs?: number;
  /** Queued reliable frames beyond the window at most; more is refused. */
  maxQueue?: number;
  /** Called when a reliable frame has gone unacknowledged through this many retransmit rounds. */
  maxRetries?: number;
  onGiveUp?: () => void;
  /**
   * How long a bare ACK may wait for an outgoing frame to ride on, ms. 0: sent at the end of the `push`
   * that received the frame, unless a reply already carried it. Keep it well under the peer's RTO.
   */
  ackDelayMs?: number;
}

interface Outgoing {
  seq: number;
  type: number;
  body: Uint8Array;
  sentAt: number;
}

const nextSeq = (s: number): number => (s >= 255 ? 1 : s + 1);
/** Distance from a to b on the 1..255 ring. */
const dist = (a: number, b: number): number => (b - a + 255) % 255;

export class LinkQueueFullError extends Error {
  override name = 'LinkQueueFullError';
}

export class ReliableLink {
  readonly counters: LinkCounters = {
    sent: 0,
    received: 0,
    retransmits: 0,
    duplicates: 0,
    outOfOrder: 0,
    acked: 0,
  };
  readonly decoder: FrameDecoder;
  private txSeq = 0; // last assigned
  private rxLast = 0; // last delivered in order (0: none)
  private inflight: Outgoing[] = [];
  private queue: { type: number; body: Uint8Array }[] = [];
  /** Frames received ahead of the next expected seq, by seq. */
  private ahead = new Map<number, Frame>();
  private retries = 0;
  private readonly window: number;
  private readonly rtoMs: number;
  private readonly maxQueue: number;
  private readonly maxRetries: number;
  /** ms timestamp of the last valid frame received. */
  lastRx = -Infinity;
  /** ms timestamp of the last retransmit round. */
  lastRetransmit = -Infinity;
  private nowMs = 0;
  /** A reliable frame arrived and no outgoing frame has carried its ack yet. */
  private ackPending = false;
  private ackPendingSince = 0;

  constructor(private readonly opts: ReliableLinkOptions) {
    this.window = Math.min(127, Math.max(1, opts.window ?? 8));
    this.rtoMs = opts.rtoMs ?? 60;
    this.maxQueue = opts.maxQueue ?? 256;
    this.maxRetries = opts.maxRetries ?? 20;
    this.decoder = new FrameDecoder((f) => this.receive(f));
  }

  get decoderCounters(): DecoderCounters {
    return this.decoder.counters;
  }

  get inFlight(): number {
    return this.inflight.length;
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Feeds received bytes; `now` is the arrival time in ms. */
  push(bytes: Uint8Array, now: number): void {
    this.nowMs = now;
    this.decoder.push(bytes);
    // Acks ride on whatever the handlers sent in reply; a bare ACK only when nothing did.
    if (this.ackPending && !this.opts.ackDelayMs) this.sendAck();
  }

  /** Sends an unsequenced frame at once (heartbeat, telemetry, HALT, HELLO). */
  sendNow(type: number, body: Uint8Array): void {
    this.ackPending = false;
    this.opts.write(encodeFrame({ seq: 0, ack: this.rxLast, type, body }));
  }

  /** Sends a reliable frame: at once if the window has room, else queued. Throws LinkQueueFullError. */
  sendReliable(type: number, body: Uint8Array, now: number): void {
    this.nowMs = now;
    if (this.inflight.length < this.window) this.transmitNew(type, body);
    else if (this.queue.length < this.maxQueue) this.queue.push({ type, body });
    else throw new LinkQueueFullError(`link queue full (${this.maxQueue})`);
  }

  /** Forgets all sequence state (both sides do this on HELLO); returns the frames that were not acknowledged. */
  reset(): { type: number; body: Uint8Array }[] {
    const lost = [...this.inflight.map(({ type, body }) => ({ type, body })), ...this.queue];
    this.inflight = [];
    this.queue = [];
    this.txSeq = 0;
    this.rxLast = 0;
    this.retries = 0;
    this.ackPending = false;
    this.ahead.clear();
    this.decoder.reset();
    return lost;
  }

  tick(now: number): void {
    this.nowMs = now;
    if (this.ackPending && now - this.ackPendingSince >= (this.opts.ackDelayMs ?? 0)) this.sendAck();
    const first = this.inflight[0];
    if (!first || now - first.sentAt < this.rtoMs) return;
    this.retries++;
    if (this.retries > this.maxRetries) {
      this.retries = 0;
      this.opts.onGiveUp?.();
      return;
    }
    this.lastRetransmit = now;
    first.sentAt = now;
    this.ackPending = false;
    this.counters.retransmits++;
    this.opts.write(encodeFrame({ seq: first.seq, ack: this.rxLast, type: first.type, body: first.body }));
  }

  private transmitNew(type: number, body: Uint8Array): void {
    this.txSeq = nextSeq(this.txSeq);
    const o: Outgoing = { seq: this.txSeq, type, body, sentAt: this.nowMs };
    this.inflight.push(o);
    this.ackPending = false;
    this.counters.sent++;
    this.opts.write(encodeFrame({ seq: o.seq, ack: this.rxLast, type, body }));
  }

  private receive(f: Frame): void {
    this.lastRx = this.nowMs;
    this.counters.received++;
    if (f.ack !== 0 && this.inflight.length > 0) {
      const base = this.inflight[0]!.seq;
      const d = dist(base, f.ack);
      if (d < this.inflight.length) {
        this.inflight.splice(0, d + 1);
        this.counters.acked += d + 1;
        this.retries = 0;
        while (this.inflight.length < this.window && this.queue.length > 0) {
          const q = this.queue.shift()!;
          this.transmitNew(q.type, q.body);
        }
      }
    }
    if (f.seq === 0) {
      this.opts.onFrame(f);
      return;
    }
    const expected = nextSeq(this.rxLast);
    if (f.seq === expected) {
      this.rxLast = f.seq;
      const deliver = [f];
      for (let s = nextSeq(this.rxLast); this.ahead.has(s); s = nextSeq(s)) {
        deliver.push(this.ahead.get(s)!);
        this.ahead.delete(s);
        this.rxLast = s;
      }
      this.markAck();
      for (const d of deliver) this.opts.onFrame(d);
    } else {
      if (dist(expected, f.seq) < 128) {
        this.counters.outOfOrder++;
        if (this.ahead.size < 127 && !this.ahead.has(f.seq)) this.ahead.set(f.seq, f);
      } else this.counters.duplicates++;
      this.markAck();
    }
  }

  private markAck(): void {
    if (!this.ackPending) this.ackPendingSince = this.nowMs;
    this.ackPending = true;
  }

  private sendAck(): void {
    this.ackPending = false;
    this.opts.write(encodeFrame({ seq: 0, ack: this.rxLast, type: 0x04, body: new Uint8Array(0) }));
  }
}
