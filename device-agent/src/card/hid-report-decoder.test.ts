import { describe, expect, it } from 'vitest';
import { parseSwipe } from './track-parser.ts';
import {
  createReportDecoder,
  MAGTEK_STYLE_LAYOUT,
  magtekReport,
  VendorReportDecoder,
  type VendorReportLayout,
} from './hid-report-decoder.ts';
import { reportsForText } from './keyboard-wedge.ts';

const T1 = '%B4111111111111111^TEST/CARD^2912101000000000?';
const T2 = ';4111111111111111=29121010000000000?';

describe('MagTek-style vendor report decoder', () => {
  const d = createReportDecoder('magtek');

  it('reads tracks 1 and 2 from their length-prefixed fields, one report per swipe', () => {
    const [swipe] = d.push(magtekReport({ t1: T1, t2: T2 }));
    expect(swipe).toBe(T1 + T2);
    expect(parseSwipe(swipe as string)).toMatchObject({ ok: true, pan: '4111111111111111', expiry: '2912' });
    expect(d.needsIdleFlush).toBe(false);
  });

  it('accepts a leading report id and adds missing sentinels', () => {
    const body = magtekReport({ t2: '4111111111111111=2912101' });
    const withId = new Uint8Array(body.length + 1);
    withId[0] = 1;
    withId.set(body, 1);
    expect(d.push(withId)).toEqual([';4111111111111111=2912101?']);
  });

  it('skips a track whose decode status is an error, and reports an unreadable swipe as empty', () => {
    expect(d.push(magtekReport({ t1: T1, t2: T2, status: [1, 0, 0] }))).toEqual([T2]);
    const bad = d.push(magtekReport({ t1: T1, t2: T2, status: [1, 1, 0] }));
    expect(bad).toEqual(['']);
    expect(parseSwipe(bad[0] as string)).toEqual({ ok: false, reason: 'empty' });
  });

  it('ignores short reports and drops tracks with non-printable bytes', () => {
    expect(d.push(new Uint8Array(20))).toEqual([]);
    const r = magtekReport({ t2: T2 });
    r[(MAGTEK_STYLE_LAYOUT.data[1] as number) + 3] = 0x07;
    expect(d.push(r)).toEqual(['']);
  });

  it('takes another vendor layout as data', () => {
    const layout: VendorReportLayout = {
      length: 64,
      status: [0, 1, 2],
      lengths: [3, 4, 5],
      data: [6, 6, 6],
      fieldSize: 58,
    };
    const other = new VendorReportDecoder('other', layout);
    const r = magtekReport({ t2: T2 }, { ...layout, data: [60, 6, 60] });
    expect(other.push(r)).toEqual([T2]);
  });
});

describe('keyboard report decoder', () => {
  it('decodes keyboard-wedge reports and flushes on idle', () => {
    const d = createReportDecoder('keyboard');
    expect(d.needsIdleFlush).toBe(true);
    for (const r of reportsForText(T2)) expect(d.push(r)).toEqual([]);
    expect(d.flush()).toBe(T2);
  });
});
