// The arm double: a ByteTransport whose far end is the simulator's own pure firmware (binary or G-code)
// running in this process, in the manner of node-serialport's MockBinding. The drivers' unit tests use it
// with fake timers; the pty simulator process stays the integration test. Pure: no Node built-ins.
import { BinaryFirmware, type FirmwareHooks } from '../protocol/binary-firmware.ts';
import { GcodeFirmware } from '../protocol/gcode-firmware.ts';
import { limitsForJoints } from '../protocol/kinematics.ts';
import { SimArm } from '../protocol/sim-arm.ts';
import { TransportListeners, type ByteTransport } from './byte-transport.ts';

export interface LoopbackOptions {
  dialect: 'binary' | 'gcode';
  /** 5 (default) or 6 joints. */
  joints?: number;
  /** How often the firmware's loop runs, ms (the simulator process runs it every 2 ms). */
  tickMs?: number;
  /** The firmware's clock, ms; default `performance.now`, which fake timers can drive. */
  now?: () => number;
  hooks?: FirmwareHooks;
}

export class LoopbackTransport extends TransportListeners implements ByteTransport {
  readonly arm: SimArm;
  readonly firmware: BinaryFirmware | GcodeFirmware;
  /** Bytes the host wrote, and the urgent (HALT) writes among them. */
  readonly written = { bytes: 0, urgentWrites: 0 };
  private open = false;
  private started = false;
  private plugged = true;
  /** While true the host's bytes are lost on the way (a cut TX wire): the firmware hears nothing. */
  hostSilenced = false;
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly opts: LoopbackOptions) {
    super();
    const now = opts.now ?? ((): number => performance.now());
    this.arm = new SimArm(now, limitsForJoints(opts.joints ?? 5));
    const toHost = (b: Uint8Array): void => this.deliver(b.slice());
    this.firmware =
      opts.dialect === 'binary'
        ? new BinaryFirmware(this.arm, toHost, now, opts.hooks)
        : new GcodeFirmware(this.arm, toHost, now, opts.hooks);
  }

  get isOpen(): boolean {
    return this.open;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.ticker ??= setInterval(() => this.firmware.tick(), this.opts.tickMs ?? 2);
    this.tryOpen();
  }

  stop(): Promise<void> {
    this.started = false;
    this.setClosed('stopped');
    return Promise.resolve();
  }

  write(bytes: Uint8Array): boolean {
    if (!this.open) return false;
    this.written.bytes += bytes.length;
    if (!this.hostSilenced) {
      const copy = bytes.slice();
      // Asynchronous, as a port is: a reply never re-enters the driver inside its own write.
      queueMicrotask(() => this.firmware.push(copy));
    }
    return true;
  }

  writeUrgent(bytes: Uint8Array): boolean {
    if (this.open) this.written.urgentWrites++;
    return this.write(bytes);
  }

  /** The cable is pulled: the port closes and cannot reopen until `replug`. */
  unplug(): void {
    this.plugged = false;
    this.setClosed('unplugged');
  }

  /** The cable is back: the port reopens as a real one would after its backoff. */
  replug(): void {
    this.plugged = true;
    if (this.started) setTimeout(() => this.tryOpen(), 20);
  }

  /** Stops the firmware's loop too, so no timer outlives the test. */
  dispose(): void {
    this.started = false;
    this.setClosed('disposed');
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private tryOpen(): void {
    if (!this.started || !this.plugged || this.open) return;
    this.open = true;
    this.emitOpen();
  }

  private setClosed(reason: string): void {
    if (!this.open) return;
    this.open = false;
    this.emitClose(reason);
  }

  private deliver(bytes: Uint8Array): void {
    if (!this.open) return;
    queueMicrotask(() => {
      if (this.open) this.emitData(bytes);
    });
  }
}
