// Byte transport on `serialport` (a real tty or a pty) that reopens itself with backoff after a close,
// an error or an unplug. The drivers see only open/close/data. HALT repeats and the heartbeat are
// written by the port's own thread (port-thread.ts), which shares the port's descriptor.
import { writeSync } from 'node:fs';
import { SerialPortStream } from '@serialport/stream';
import type { Logger } from '../logger.ts';
import { backoffDelay } from '../retry/backoff.ts';
import { TransportListeners, type ByteTransport } from './byte-transport.ts';
import { fdSharingBinding } from './fd-sharing-binding.ts';
import { PortThread } from './port-thread-handle.ts';
import { SharedPort } from './shared-port.ts';

export type { ByteTransport };

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
  logger: Logger;
  /** First and largest reopen delay, ms. */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

type Port = SerialPortStream<ReturnType<typeof fdSharingBinding>>;

export class SerialTransport extends TransportListeners implements ByteTransport {
  private port: Port | null = null;
  private stopped = true;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly shared = new SharedPort();
  private readonly binding = fdSharingBinding(this.shared);
  private readonly thread: PortThread;
  opens = 0;

  constructor(private readonly opts: SerialTransportOptions) {
    super();
    this.thread = new PortThread(this.shared, opts.logger);
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    // The port opens once its thread runs: the heartbeat must be there from the first HELLO on.
    this.thread.start(() => this.tryOpen());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
    await this.thread.stop();
  }

  write(bytes: Uint8Array): boolean {
    const p = this.port;
    if (!p?.isOpen) return false;
    p.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return true;
  }

  writeUrgent(bytes: Uint8Array): boolean {
    const p = this.port;
    if (!p?.isOpen) return false;
    const fd = (p.port as { fd?: number | null } | undefined)?.fd;
    if (typeof fd === 'number') {
      try {
        const n = writeSync(fd, bytes);
        if (n === bytes.length) return true;
        return this.write(bytes.subarray(n));
      } catch {
        // EAGAIN (output buffer full) and the like: take the ordinary path
      }
    }
    return this.write(bytes);
  }

  /** Writes at once from this thread; the port's thread writes them again every `everyMs` until `stopUrgent`. */
  repeatUrgent(bytes: Uint8Array, everyMs: number): boolean {
    const written = this.writeUrgent(bytes);
    // Left in shared memory, not posted: the first bytes go out without waking another thread.
    this.shared.repeat(bytes, everyMs);
    return written;
  }

  stopUrgent(): void {
    this.shared.stopRepeat();
  }

  heartbeat(periodMs: number | null): void {
    this.thread.post({ type: 'heartbeat', periodMs });
  }

  private tryOpen(): void {
    if (this.stopped) return;
    const port: Port = new SerialPortStream({
      binding: this.binding,
      path: this.opts.path,
      baudRate: this.opts.baudRate ?? 115200,
      autoOpen: false,
    });
    port.open((err) => {
      if (this.stopped) {
        if (!err) port.close();
        return;
      }
      if (err) {
        this.scheduleReopen(`open failed: ${err.message}`);
        return;
      }
      this.port = port;
      this.attempt = 0;
      this.opens++;
      port.on('data', (chunk: Buffer) => {
        this.emitData(chunk);
      });
      port.on('error', (e) => this.lost(port, `port error: ${e.message}`));
      port.on('close', () => this.lost(port, 'port closed'));
      this.emitOpen();
      // A HALT still being repeated goes out on the new port at once.
      this.thread.post({ type: 'opened' });
    });
  }

  private lost(port: Port, reason: string): void {
    if (this.port !== port) return;
    this.port = null;
    if (port.isOpen) port.close(() => {});
    this.emitClose(reason);
    this.scheduleReopen(reason);
  }

  /** Drops the port and reopens it (used when the peer has gone silent). */
  recycle(reason: string): void {
    const p = this.port;
    if (p) this.lost(p, reason);
  }

  private scheduleReopen(reason: string): void {
    if (this.stopped || this.timer) return;
    const delay = backoffDelay(this.attempt, {
      baseMs: this.opts.backoffMinMs ?? 20,
      capMs: this.opts.backoffMaxMs ?? 1000,
      jitter: { spread: 0.25 },
    });
    this.attempt++;
    if (this.attempt === 1 || this.attempt % 20 === 0)
      this.opts.logger.warn({
        msg: 'serial port unavailable; reopening',
        path: this.opts.path,
        reason,
        attempt: this.attempt,
      });
    this.timer = setTimeout(() => {
      this.timer = null;
      this.tryOpen();
    }, delay);
  }
}
