// What an arm driver needs of a byte link: a real serial port (serial.ts) or the in-process loopback
// double (loopback.ts). Pure: no Node built-ins, so the drivers' unit tests run anywhere.
export interface ByteTransport {
  readonly isOpen: boolean;
  start(): void;
  stop(): Promise<void>;
  /** Writes at once (no queue of our own); false when the port is not open. */
  write(bytes: Uint8Array): boolean;
  /**
   * Writes ahead of everything queued (HALT): a synchronous write(2) on the port's descriptor, past the
   * stream's queue and libuv's thread pool; falls back to `write` when that is not possible.
   */
  writeUrgent(bytes: Uint8Array): boolean;
  /**
   * Transports with a thread of their own: `writeUrgent`, then the same bytes again every `everyMs` from
   * that thread (also on a reopened port) until `stopUrgent`, so the repeat needs nothing of the caller's
   * event loop. Without them the driver repeats a HALT itself.
   */
  repeatUrgent?(bytes: Uint8Array, everyMs: number): boolean;
  stopUrgent?(): void;
  /** Binary-protocol heartbeat frames every `periodMs` from the transport's own thread; null stops them. */
  heartbeat?(periodMs: number | null): void;
  onOpen(cb: () => void): void;
  onClose(cb: (reason: string) => void): void;
  onData(cb: (bytes: Uint8Array) => void): void;
}

/** The listener lists every transport keeps, and their calls. */
export abstract class TransportListeners {
  private readonly openCbs: (() => void)[] = [];
  private readonly closeCbs: ((reason: string) => void)[] = [];
  private readonly dataCbs: ((b: Uint8Array) => void)[] = [];

  onOpen(cb: () => void): void {
    this.openCbs.push(cb);
  }
  onClose(cb: (reason: string) => void): void {
    this.closeCbs.push(cb);
  }
  onData(cb: (bytes: Uint8Array) => void): void {
    this.dataCbs.push(cb);
  }

  protected emitOpen(): void {
    for (const cb of this.openCbs) cb();
  }
  protected emitClose(reason: string): void {
    for (const cb of this.closeCbs) cb(reason);
  }
  protected emitData(bytes: Uint8Array): void {
    for (const cb of this.dataCbs) cb(bytes);
  }
}
