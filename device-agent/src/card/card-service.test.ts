import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CardReadError, CardService } from './card-service.ts';
import { VirtualCardReader } from './virtual-card-reader.ts';

const key = Buffer.alloc(32, 7);
const silent = pino({ level: 'silent' });
const services: CardService[] = [];
afterEach(() => services.splice(0).forEach((s) => s.close()));

async function setup() {
  const reader = new VirtualCardReader();
  await reader.open();
  const results: string[] = [];
  let inserted = 0;
  const service = new CardService(reader, key, silent, {
    onResult: (r) => results.push(r),
    onMediaInserted: () => inserted++,
  });
  services.push(service);
  return { reader, service, results, inserted: () => inserted };
}

describe('CardService', () => {
  it('resolves a pending read with the masked card of the next swipe', async () => {
    const { reader, service, results, inserted } = await setup();
    const read = service.read(5000);
    expect(reader.swipeTestCard('mastercard-vip')).toBe(true);
    const r = await read;
    expect(r).toMatchObject({
      ok: true,
      card: { maskedPan: '555555******4444', luhnValid: true, expiry: '2808' },
    });
    expect(results).toEqual(['ok']);
    expect(inserted()).toBe(1);
  });
  it('ignores swipes nobody waits for and refuses a second concurrent read', async () => {
    const { reader, service, results } = await setup();
    reader.swipeTestCard('visa-classic');
    expect(results).toEqual(['ignored']);
    const first = service.read(5000);
    await expect(service.read(5000)).rejects.toMatchObject({ code: 'busy' });
    reader.swipeRaw('garbage');
    expect(await first).toEqual({ ok: false, reason: 'no_track' });
  });
  it('rejects on cancel and on timeout, and refuses when the reader is detached', async () => {
    const { reader, service } = await setup();
    const read = service.read(5000);
    expect(service.cancel()).toBe(true);
    await expect(read).rejects.toBeInstanceOf(CardReadError);
    await expect(service.read(1)).rejects.toMatchObject({ code: 'timeOut' });
    await reader.close();
    await expect(service.read(5000)).rejects.toMatchObject({ code: 'noDevice' });
  });
  it('refuses unknown test cards and swipes on a closed reader', async () => {
    const reader = new VirtualCardReader();
    expect(() => reader.swipeRaw(';4111111111111111=2912?')).toThrow(/not open/);
    await reader.open();
    expect(reader.swipeTestCard('nope')).toBe(false);
  });
});
