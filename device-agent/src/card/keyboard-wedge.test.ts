import { describe, expect, it } from 'vitest';
import { KeyboardWedgeDecoder, reportsForText } from './keyboard-wedge.ts';

const TRACK = '%B4111111111111111^LEE/ANNA^29121010000000000000?;4111111111111111=2912101?';

describe('KeyboardWedgeDecoder', () => {
  it('decodes shifted and plain keys of a full swipe ended by Enter', () => {
    const d = new KeyboardWedgeDecoder();
    const out = reportsForText(`${TRACK}\n`).flatMap((r) => d.push(r));
    expect(out).toEqual([TRACK]);
  });
  it('decodes hand-built reports: shift+5 is %, shift+6 is ^, shift+/ is ?, 9-byte reports carry an id', () => {
    const d = new KeyboardWedgeDecoder();
    const seq = [
      [0x02, 0, 0x22], // %
      [0x00, 0, 0x00],
      [0x20, 0, 0x23], // ^ (right shift)
      [0x00, 0, 0x00],
      [0x00, 0, 0x33], // ;
      [0x00, 0, 0x33, 0x2e], // ; still held, = pressed
      [0x00, 0, 0x00],
      [0x02, 0, 0x38], // ?
      [0x00, 0, 0x28], // Enter
    ].map((r) => Uint8Array.from([...r, ...new Array(8 - r.length).fill(0)]));
    const out = seq.flatMap((r) => d.push(r));
    expect(out).toEqual(['%^;=?']);
    const withId = Uint8Array.of(1, 0, 0, 0x1e, 0, 0, 0, 0, 0);
    d.push(withId);
    expect(d.flush()).toBe('1');
  });
  it('types a held key once and repeats it only after release', () => {
    const d = new KeyboardWedgeDecoder();
    const a = Uint8Array.of(0, 0, 0x1e, 0, 0, 0, 0, 0);
    d.push(a);
    d.push(a);
    d.push(new Uint8Array(8));
    d.push(a);
    expect(d.flush()).toBe('11');
  });
  it('drops an over-long swipe as noise', () => {
    const d = new KeyboardWedgeDecoder({ maxChars: 4 });
    expect(reportsForText('123456\n').flatMap((r) => d.push(r))).toEqual([]);
    expect(reportsForText('12\n').flatMap((r) => d.push(r))).toEqual(['12']);
  });
});
