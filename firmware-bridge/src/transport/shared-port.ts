// What the main thread and the serial port's thread share, in one SharedArrayBuffer: the port's file
// descriptor (the main thread opens and closes the port; the port thread writes HALT repeats and
// heartbeats to it), the HALT being repeated, and the main thread's liveness counter. A descriptor
// number is reused by the next open() of any file, so the port thread writes only under a lock, and the
// main thread withdraws the number under the same lock before the port closes: a late write can never
// land in whatever file gets the number next. The HALT to repeat is handed over here rather than in a
// message, so that starting a HALT wakes no other thread while its first bytes are on their way.
import { writeSync } from 'node:fs';

const FD = 0;
const LOCK = 1;
/** Bumped by the main thread while its event loop runs (see port-thread.ts, MAIN_STALL_MS). */
const ALIVE = 2;
/** The HALT to repeat: a sequence count (odd while the main thread writes it); its length (0: none); its period, ms. */
const REPEAT_SEQ = 3;
const REPEAT_LEN = 4;
const REPEAT_EVERY_MS = 5;
const WORDS = 6;
/** Room for the repeated bytes (a binary HALT frame is 14). */
const REPEAT_BYTES = 64;

export interface Repeat {
  gen: number;
  bytes: Uint8Array;
  everyMs: number;
}

export class SharedPort {
  readonly buffer: SharedArrayBuffer;
  private readonly words: Int32Array;
  private readonly repeatBytes: Uint8Array;

  /** Without `buffer`: a new one, no port open (the main thread); with it: the main thread's (the port thread). */
  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(WORDS * 4 + REPEAT_BYTES);
    this.words = new Int32Array(this.buffer, 0, WORDS);
    this.repeatBytes = new Uint8Array(this.buffer, WORDS * 4, REPEAT_BYTES);
    if (!buffer) Atomics.store(this.words, FD, -1);
  }

  /**
   * Main thread: `bytes` (already written once) are to be written again every `everyMs` until `stopRepeat`.
   * A sequence lock with the main thread as the only writer: it never waits, not even for a port thread
   * that the scheduler stopped in the middle of a read (spinning here would take a core from the very
   * processes carrying the HALT on a busy machine).
   */
  repeat(bytes: Uint8Array, everyMs: number): void {
    if (bytes.length > REPEAT_BYTES) throw new RangeError(`at most ${REPEAT_BYTES} bytes repeat`);
    Atomics.add(this.words, REPEAT_SEQ, 1);
    this.repeatBytes.set(bytes);
    Atomics.store(this.words, REPEAT_LEN, bytes.length);
    Atomics.store(this.words, REPEAT_EVERY_MS, everyMs);
    Atomics.add(this.words, REPEAT_SEQ, 1);
  }

  stopRepeat(): void {
    Atomics.add(this.words, REPEAT_SEQ, 1);
    Atomics.store(this.words, REPEAT_LEN, 0);
    Atomics.add(this.words, REPEAT_SEQ, 1);
  }

  /** Port thread: the bytes to repeat now, or null (also while the main thread is changing them: ask again). */
  repeating(): Repeat | null {
    const seq = Atomics.load(this.words, REPEAT_SEQ);
    if (seq % 2 === 1) return null;
    const len = Atomics.load(this.words, REPEAT_LEN);
    const everyMs = Atomics.load(this.words, REPEAT_EVERY_MS);
    const bytes = len > 0 ? this.repeatBytes.slice(0, len) : null;
    if (Atomics.load(this.words, REPEAT_SEQ) !== seq || bytes === null) return null;
    return { gen: seq, bytes, everyMs };
  }

  /** Main thread: the port is open on `fd`. */
  publish(fd: number): void {
    this.locked(() => Atomics.store(this.words, FD, fd));
  }

  /** Main thread, before the port closes: no write may use the number any more. */
  withdraw(): void {
    this.locked(() => Atomics.store(this.words, FD, -1));
  }

  /** Port thread: writes all of `bytes` to the open port; false when it is closed or the write failed. */
  write(bytes: Uint8Array): boolean {
    return this.locked(() => {
      const fd = Atomics.load(this.words, FD);
      if (fd < 0) return false;
      try {
        let done = 0;
        // A tty takes a small frame whole; a full output buffer (EAGAIN) throws and the frame is lost,
        // which a HALT repeat or the next heartbeat makes good.
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
        return true;
      } catch {
        return false;
      }
    });
  }

  beat(): void {
    Atomics.add(this.words, ALIVE, 1);
  }

  aliveCount(): number {
    return Atomics.load(this.words, ALIVE);
  }

  /** Held only around a store or one write(2): a spin is shorter than any wait would be. */
  private locked<T>(fn: () => T): T {
    while (Atomics.compareExchange(this.words, LOCK, 0, 1) !== 0);
    try {
      return fn();
    } finally {
      Atomics.store(this.words, LOCK, 0);
    }
  }
}
