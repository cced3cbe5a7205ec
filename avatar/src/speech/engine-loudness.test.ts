import { describe, expect, it } from 'vitest';
import { LineLoudness, loudnessOfWav } from './engine-loudness.ts';

function wav(samples: Int16Array, rate: number): ArrayBuffer {
  const buf = new ArrayBuffer(44 + samples.length * 2);
  const v = new DataView(buf);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint16(34, 16, true);
  samples.forEach((x, i) => v.setInt16(44 + i * 2, x, true));
  return buf;
}

describe('line loudness', () => {
  it('is the same whether the line comes whole or piece by piece with a pause between', () => {
    const rate = 8000;
    // 250 ms of a rising tone, 125 ms of silence, 200 ms of a loud one.
    const a = Int16Array.from({ length: 2000 }, (_, i) => Math.round(Math.sin(i / 3) * i * 4));
    const b = Int16Array.from({ length: 1600 }, (_, i) => Math.round(Math.sin(i / 2) * 9000));
    const whole = new Int16Array(2000 + 1000 + 1600);
    whole.set(a, 0);
    whole.set(b, 3000);
    const streamed = new LineLoudness();
    streamed.add(a, rate, 0);
    streamed.add(b, rate, 375);
    const l = streamed.loudness(rate)!;
    expect(l).toEqual(loudnessOfWav(wav(whole, rate)));
    expect(l.frameMs).toBe(10);
    expect(l.values).toHaveLength(58);
    // Silent in the pause, the loud tone at the line's loud level, the rising one below it at first.
    expect(l.values[31]).toBe(0);
    expect(l.values[45]).toBeCloseTo(1, 2);
    expect(l.values[2]!).toBeLessThan(0.3);
  });

  it('has nothing to say before any sound', () => {
    expect(new LineLoudness().loudness(22_050)).toBeNull();
    const quiet = new LineLoudness();
    quiet.add(new Int16Array(500), 22_050, 0);
    expect(quiet.loudness(22_050)).toBeNull();
  });
});
