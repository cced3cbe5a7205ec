// The serial port's file descriptor, shared between the main thread (which opens and closes the port)
// and the port thread (which writes HALT repeats and heartbeats to it), with the main thread's liveness
// counter. A descriptor number is reused by the next open() of any file, so the port thread writes only
// under a lock, and the main thread withdraws the number under the same lock before the port closes:
// a late write can never land in whatever file gets the number next.
import { writeSync } from 'node:fs';

const FD = 0;
const LOCK = 1;
/** Bumped by the main thread while its event loop runs (see port-thread.ts, MAIN_STALL_MS). */
const ALIVE = 2;
const WORDS = 3;

export class SharedPortFd {
  readonly buffer: SharedArrayBuffer;
  private readonly words: Int32Array;

  /** Without `buffer`: a new one, no port open (the main thread); with it: the main thread's (the port thread). */
  constructor(buffer?: SharedArrayBuffer) {
    this.buffer = buffer ?? new SharedArrayBuffer(WORDS * 4);
    this.words = new Int32Array(this.buffer);
    if (!buffer) Atomics.store(this.words, FD, -1);
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
