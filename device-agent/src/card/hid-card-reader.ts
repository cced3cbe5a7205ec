// A HID magstripe reader read directly over hidraw with node-hid: a keyboard-wedge reader (so its
// keystrokes never reach the browser) or a raw vendor-report reader, decoded by a pluggable report
// decoder. node-hid is imported only here and only when hardware mode constructs this reader.
import type * as NodeHidModule from 'node-hid';
import type { HIDAsync } from 'node-hid';
import type { Logger } from 'pino';
import { ReaderEvents, type CardReader, type CardReaderEvent } from './card-reader.ts';
import { createReportDecoder, type HidReportDecoder, type HidReportFormat } from './hid-report-decoder.ts';
import { DebounceTimer } from '../timing/debounce-timer.ts';

export interface HidCardReaderOptions {
  vendorId: number;
  productId: number;
  /** Report layout: keyboard-wedge reports or a MagTek-style vendor report (default 'keyboard'). */
  report?: HidReportFormat;
  /** Or a decoder of your own for another vendor's layout. */
  decoder?: HidReportDecoder;
  /** Flush a swipe that did not end with Enter after this quiet time. */
  swipeIdleMs: number;
  /** Poll for the device while it is unplugged. */
  reattachMs: number;
  logger: Logger;
  /** How node-hid is loaded; tests pass a stand-in for the USB device (no hardware here). */
  loadHid?: () => Promise<NodeHidApi>;
}

type NodeHid = typeof NodeHidModule;
/** The part of node-hid this reader uses. */
export type NodeHidApi = Pick<NodeHid, 'devicesAsync'> & { HIDAsync: Pick<NodeHid['HIDAsync'], 'open'> };

/** Loads node-hid, turning a missing native library into an error that names the Debian packages. */
export async function loadNodeHid(): Promise<NodeHid> {
  try {
    return await import('node-hid');
  } catch (err) {
    return explainHidLoadFailure(err as Error);
  }
}

/** The start-up error for a node-hid that cannot load (its native library or libusb missing). */
export function explainHidLoadFailure(err: Error): never {
  throw new Error(
    `card reader: cannot load node-hid (${err.message}); install the Debian packages ` +
      'libusb-1.0-0 and libhidapi-hidraw0 (apt-get install libusb-1.0-0 libhidapi-hidraw0)',
    { cause: err },
  );
}

export class HidCardReader implements CardReader {
  readonly kind = 'hid' as const;
  private events = new ReaderEvents();
  private readonly decoder: HidReportDecoder;
  private device: HIDAsync | null = null;
  private hid: NodeHidApi | null = null;
  /** Flushes a swipe after a quiet period (readers without an Enter suffix). */
  private readonly idleFlush = new DebounceTimer();
  private reattachTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: HidCardReaderOptions) {
    this.decoder = options.decoder ?? createReportDecoder(options.report ?? 'keyboard');
  }

  async open(): Promise<void> {
    this.hid = await (this.options.loadHid ?? loadNodeHid)();
    const found = await this.hid.devicesAsync(this.options.vendorId, this.options.productId);
    if (found.length === 0) {
      // Not plugged in yet: not fatal, the reader is hot-pluggable.
      this.options.logger.warn(
        { vendorId: this.options.vendorId, productId: this.options.productId },
        'card reader not found; waiting for it to be plugged in',
      );
      this.scheduleReattach();
      return;
    }
    await this.attach();
  }

  private async attach(): Promise<void> {
    if (!this.hid || this.closed) return;
    const device = await this.hid.HIDAsync.open(this.options.vendorId, this.options.productId);
    this.device = device;
    device.on('data', (data: Buffer) => this.onReport(data));
    device.on('error', (err: Error) => this.onDeviceError(err));
    this.options.logger.info(
      { vendorId: this.options.vendorId, productId: this.options.productId },
      'card reader attached (hidraw; make sure the udev rule detaches it from the keyboard driver)',
    );
    this.events.emit({ type: 'attach' });
  }

  private onReport(data: Buffer): void {
    for (const swipe of this.decoder.push(data)) this.emitSwipe(swipe);
    if (!this.decoder.needsIdleFlush) return;
    // Readers configured without an Enter suffix: flush after a quiet period.
    this.idleFlush.restart(this.options.swipeIdleMs, () => {
      const text = this.decoder.flush();
      if (text !== null) this.emitSwipe(text);
    });
  }

  private emitSwipe(raw: string): void {
    this.events.emit({ type: 'swipe', raw });
  }

  private onDeviceError(err: Error): void {
    // node-hid reports an unplug as a read error.
    this.options.logger.warn({ err: { message: err.message } }, 'card reader detached');
    this.decoder.reset();
    const device = this.device;
    this.device = null;
    void device?.close().catch(() => undefined);
    this.events.emit({ type: 'detach' });
    this.scheduleReattach();
  }

  private scheduleReattach(): void {
    if (this.closed || this.reattachTimer) return;
    this.reattachTimer = setTimeout(() => {
      this.reattachTimer = null;
      void this.tryReattach();
    }, this.options.reattachMs);
  }

  private async tryReattach(): Promise<void> {
    if (!this.hid || this.closed) return;
    try {
      const found = await this.hid.devicesAsync(this.options.vendorId, this.options.productId);
      if (found.length > 0) {
        await this.attach();
        return;
      }
    } catch (err) {
      this.events.emit({ type: 'error', message: (err as Error).message });
    }
    this.scheduleReattach();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.idleFlush.cancel();
    if (this.reattachTimer) clearTimeout(this.reattachTimer);
    const device = this.device;
    this.device = null;
    this.decoder.reset();
    await device?.close().catch(() => undefined);
  }

  attached(): boolean {
    return this.device !== null;
  }

  on(listener: (event: CardReaderEvent) => void): () => void {
    return this.events.on(listener);
  }
}
