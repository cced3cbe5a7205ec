import { describe, expect, it } from 'vitest';
import { encodeWav, loudSpans, pcmSamples, soundBounds, wavSampleRate, WAV_HEADER_BYTES } from './wav.ts';

describe('wav helpers', () => {
  it('round-trips samples through a WAV and reads its rate back', () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const wav = encodeWav(samples, 22_050);
    expect(wavSampleRate(wav.subarray(0, WAV_HEADER_BYTES))).toBe(22_050);
    expect(Array.from(pcmSamples(wav.subarray(WAV_HEADER_BYTES)))).toEqual(Array.from(samples));
  });

  it('finds where the sound starts and ends, and the loud stretches inside it', () => {
    const rate = 1000;
    const s = new Int16Array(400);
    for (let i = 50; i < 350; i++) s[i] = i % 2 ? 500 : -500; // quiet consonant
    for (let i = 100; i < 160; i++) s[i] = i % 2 ? 8000 : -8000; // a vowel
    for (let i = 250; i < 320; i++) s[i] = i % 2 ? 9000 : -9000; // another
    expect(soundBounds(s)).toEqual([50, 350]);
    expect(loudSpans(s, rate)).toEqual([
      [100, 160],
      [250, 320],
    ]);
  });
});
