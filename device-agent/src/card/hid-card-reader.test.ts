// The HID reader's wiring (reports -> swipes, unplug -> detach, replug -> attach) against a stand-in
// for node-hid: there is no USB card reader on this machine. Decoding itself is in keyboard-wedge.test.ts.
import { EventEmitter } from 'node:events';
import type { HIDAsync } from 'node-hid';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardReaderEvent } from './card-reader.ts';
import { HidCardReader, type HidCardReaderOptions, type NodeHidApi } from './hid-card-reader.ts';
import { magtekReport } from './hid-report-decoder.ts';
import { reportsForText } from './keyboard-wedge.ts';

class FakeDevice extends EventEmitter {
  closed = false;
  async close(): Promise<void> {
    this.closed = true;
  }
}

function fakeHid() {
  const state = { plugged: true, opened: [] as FakeDevice[] };
  const api: NodeHidApi = {
    devicesAsync: (async () =>
      state.plugged
        ? [{ vendorId: 0x0801, productId: 0x0002, release: 1, interface: 0 }]
        : []) as NodeHidApi['devicesAsync'],
    HIDAsync: {
      open: (async () => {
        const d = new FakeDevice();
        state.opened.push(d);
        return d as unknown as HIDAsync;
      }) as NodeHidApi['HIDAsync']['open'],
    },
  };
  return { api, state };
}

/** A reader for the ids fakeHid lists, with the timings the tests step through. */
function readerOn(
  loadHid: () => Promise<NodeHidApi>,
  overrides: Partial<HidCardReaderOptions> = {},
): HidCardReader {
  return new HidCardReader({
    vendorId: 0x0801,
    productId: 0x0002,
    swipeIdleMs: 100,
    reattachMs: 500,
    logger: pino({ level: 'silent' }),
    loadHid,
    ...overrides,
  });
}

/** Collects every event the reader emits. */
function recorded(reader: HidCardReader): CardReaderEvent[] {
  const events: CardReaderEvent[] = [];
  reader.on((e) => events.push(e));
  return events;
}

describe('HidCardReader', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('turns keyboard reports into swipes, detaches on unplug and reattaches on replug', async () => {
    const { api, state } = fakeHid();
    const reader = readerOn(async () => api);
    const events = recorded(reader);
    await reader.open();
    expect(reader.attached()).toBe(true);

    const dev = state.opened[0] as FakeDevice;
    for (const r of reportsForText(';4111111111111111=2912?\n')) dev.emit('data', Buffer.from(r));
    // A reader without an Enter suffix is flushed after the idle time.
    for (const r of reportsForText(';5555555555554444=2808?')) dev.emit('data', Buffer.from(r));
    await vi.advanceTimersByTimeAsync(100);
    expect(events.filter((e) => e.type === 'swipe')).toEqual([
      { type: 'swipe', raw: ';4111111111111111=2912?' },
      { type: 'swipe', raw: ';5555555555554444=2808?' },
    ]);

    state.plugged = false;
    dev.emit('error', new Error('could not read from HID device'));
    expect(reader.attached()).toBe(false);
    expect(dev.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.opened.length).toBe(1);
    state.plugged = true;
    await vi.advanceTimersByTimeAsync(500);
    expect(reader.attached()).toBe(true);
    expect(events.map((e) => e.type).filter((t) => t !== 'swipe')).toEqual(['attach', 'detach', 'attach']);
    await reader.close();
    expect((state.opened[1] as FakeDevice).closed).toBe(true);
  });

  it('decodes MagTek-style vendor reports without waiting for an idle flush', async () => {
    const { api, state } = fakeHid();
    const reader = readerOn(async () => api, { report: 'magtek' });
    const events = recorded(reader);
    await reader.open();
    (state.opened[0] as FakeDevice).emit(
      'data',
      Buffer.from(magtekReport({ t2: ';4111111111111111=2912?' })),
    );
    expect(events.filter((e) => e.type === 'swipe')).toEqual([
      { type: 'swipe', raw: ';4111111111111111=2912?' },
    ]);
    await reader.close();
  });

  it('waits for a reader that is not plugged in at start', async () => {
    const { api, state } = fakeHid();
    state.plugged = false;
    const reader = readerOn(async () => api, { vendorId: 1, productId: 2, reattachMs: 200 });
    await reader.open();
    expect(reader.attached()).toBe(false);
    state.plugged = true;
    await vi.advanceTimersByTimeAsync(200);
    expect(reader.attached()).toBe(true);
    await reader.close();
  });

  it('names the Debian packages when node-hid cannot load', async () => {
    const reader = readerOn(
      () =>
        import('./hid-card-reader.ts').then((m) =>
          m.explainHidLoadFailure(new Error('libusb-1.0.so.0: cannot open shared object file')),
        ),
      { vendorId: 1, productId: 2, reattachMs: 200 },
    );
    await expect(reader.open()).rejects.toThrow(/libusb-1\.0-0.*libhidapi-hidraw0/);
  });
});
