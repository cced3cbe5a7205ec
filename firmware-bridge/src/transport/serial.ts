// Byte transport on `serialport` (a real tty or a pty) that reopens itself with backoff after a close,
// an error or an unplug. The drivers see only open/close/data.
import { writeSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { Logger } from '../logger.ts';
import { backoffDelay } from '../retry/backoff.ts';
import { TransportListeners, type ByteTransport } from './byte-transport.ts';

export type { ByteTransport };

export interface SerialTransportOptions {
  path: string;
  baudRate?: number;
  logger: Logger;
  /** First and largest reopen delay, ms. */
  backoffMinMs?: number;
  backoffMaxMs?: number;
}

export class SerialTransport extends TransportListeners implements ByteTransport {
  private port: SerialPort | null = null;
  private stopped = true;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  opens = 0;

  constructor(private readonly opts: SerialTransportOptions) {
    super();
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.tryOpen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const p = this.port;
    this.port = null;
    if (p?.isOpen) await new Promise<void>((r) => p.close(() => r()));
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

  private tryOpen(): void {
    if (this.stopped) return;
    const port = new SerialPort({
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
    });
  }

  private lost(port: SerialPort, reason: string): void {
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
