import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatMove,
  formatStatusReport,
  GcodeParseError,
  parseGcodeLine,
  parseResponse,
  parseStatusReport,
} from './gcode.ts';

describe('G-code lines', () => {
  it('parses words, ignoring comments, spaces and case', () => {
    expect(parseGcodeLine('g1 x10.5 Y-2 (move) z.5 F600 ; tail')).toEqual([
      { letter: 'G', value: 1 },
      { letter: 'X', value: 10.5 },
      { letter: 'Y', value: -2 },
      { letter: 'Z', value: 0.5 },
      { letter: 'F', value: 600 },
    ]);
  });

  it('refuses bad numbers and stray characters with GRBL error codes', () => {
    expect(() => parseGcodeLine('G1 X1..2Y')).toThrow(GcodeParseError);
    expect(() => parseGcodeLine('G1 X')).toThrow(/error:2/);
    expect(() => parseGcodeLine('1G')).toThrow(/error:1/);
  });

  it('formats moves that parse back to the same targets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -170_000, max: 170_000 }), { minLength: 5, maxLength: 5 }),
        (t) => {
          const targets = t.map((v) => v / 1000);
          const words = parseGcodeLine(formatMove(targets, 7200));
          expect(words[0]).toEqual({ letter: 'G', value: 1 });
          expect(words.slice(1, 6).map((w) => w.value)).toEqual(targets);
          expect(words[6]).toEqual({ letter: 'F', value: 7200 });
        },
      ),
    );
  });
});

describe('responses', () => {
  it('classifies ok, error, alarm, banner, messages', () => {
    expect(parseResponse('ok')).toEqual({ kind: 'ok' });
    expect(parseResponse('error:15')).toEqual({ kind: 'error', code: 15 });
    expect(parseResponse('ALARM:3')).toEqual({ kind: 'alarm', code: 3 });
    expect(parseResponse("Grbl 1.1h ['$' for help]").kind).toBe('banner');
    expect(parseResponse('[VER:1.1h:x]')).toEqual({ kind: 'message', text: 'VER:1.1h:x' });
    expect(parseResponse('<Bogus|MPos:1>').kind).toBe('unknown');
  });

  it('parses a plain GRBL status report and round-trips this firmware’s extended one', () => {
    const plain = parseStatusReport('<Idle|MPos:0.000,90.000,-90.000|FS:0,0>')!;
    expect(plain).toMatchObject({ state: 'Idle', mpos: [0, 90, -90], feed: 0, homed: null });
    const r = {
      state: 'Hold' as const,
      sub: 0,
      mpos: [1, 2, 3, 4, 5],
      bf: [15, 128] as [number, number],
      feed: 600,
      gripper: 0.5,
      homed: true,
      faults: ['stall:1'],
      temperatures: [30, 31, 32, 33, 34],
      currents: [0.1, 0.2, 0.3, 0.4, 0.5],
      velocities: [0, 0, 0, 0, 0],
      t: 1234,
    };
    expect(parseStatusReport(formatStatusReport(r))).toEqual(r);
  });
});
