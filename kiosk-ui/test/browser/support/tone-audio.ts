// Telling voices apart in a call: each Chromium's fake microphone plays its own sine tone (or silence)
// from a WAV made with Debian's ffmpeg, and a page measures what it receives: the energy of a stream
// on a media element and its strongest frequency (WebAudio AnalyserNode), or the power at given
// frequencies per second of a recorded file (Goertzel over decodeAudioData's samples).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';

/** A 20 s mono WAV of a sine at `hz` (0: silence); Chromium loops it as the fake microphone. */
export function makeToneWav(out: string, hz: number): string {
  mkdirSync(dirname(out), { recursive: true });
  const source = hz > 0 ? `sine=frequency=${hz}:sample_rate=48000:duration=20` : 'anullsrc=r=48000:cl=mono';
  execFileSync(
    'ffmpeg',
    ['-y', '-loglevel', 'error', '-f', 'lavfi', '-i', source, '-t', '20', '-ac', '1', out],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return out;
}

/** Fake camera and this WAV as the microphone. */
export function fakeMicArgs(wav: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wav}`,
  ];
}

/**
 * What the element with this test id receives, over about a second: RMS of the samples (0..1) and the
 * frequency of the strongest FFT bin.
 */
export async function heard(page: Page, testid: string): Promise<{ rms: number; peakHz: number }> {
  return page.getByTestId(testid).evaluate(async (media: HTMLMediaElement) => {
    const stream = media.srcObject;
    if (!(stream instanceof MediaStream) || stream.getAudioTracks().length === 0)
      return { rms: 0, peakHz: 0 };
    const ctx = new AudioContext();
    await ctx.resume();
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 4096;
    analyser.smoothingTimeConstant = 0;
    ctx.createMediaStreamSource(new MediaStream(stream.getAudioTracks())).connect(analyser);
    const time = new Float32Array(analyser.fftSize);
    const freq = new Float32Array(analyser.frequencyBinCount);
    let sum = 0;
    let n = 0;
    const peaks = new Float32Array(analyser.frequencyBinCount).fill(-Infinity);
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 100));
      analyser.getFloatTimeDomainData(time);
      for (const v of time) sum += v * v;
      n += time.length;
      analyser.getFloatFrequencyData(freq);
      for (let b = 0; b < freq.length; b++) peaks[b] = Math.max(peaks[b] ?? -Infinity, freq[b] ?? -Infinity);
    }
    let best = 0;
    for (let b = 1; b < peaks.length; b++) if ((peaks[b] ?? -Infinity) > (peaks[best] ?? -Infinity)) best = b;
    const hz = (best * ctx.sampleRate) / analyser.fftSize;
    await ctx.close();
    return { rms: Math.sqrt(sum / n), peakHz: hz };
  });
}

/** Per second of a recorded file (bytes as base64): the power at each of `freqs` (Goertzel). */
export async function tonePowerPerSecond(page: Page, base64: string, freqs: number[]): Promise<number[][]> {
  return page.evaluate(
    async ({ base64, freqs }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const ctx = new OfflineAudioContext(1, 48000, 48000);
      const buffer = await ctx.decodeAudioData(bytes.buffer);
      const x = buffer.getChannelData(0);
      const rate = buffer.sampleRate;
      const out: number[][] = [];
      for (let start = 0; start + rate <= x.length; start += rate) {
        out.push(
          freqs.map((f) => {
            const w = (2 * Math.PI * f) / rate;
            const k = 2 * Math.cos(w);
            let s1 = 0;
            let s2 = 0;
            for (let i = start; i < start + rate; i++) {
              const s0 = (x[i] ?? 0) + k * s1 - s2;
              s2 = s1;
              s1 = s0;
            }
            return (s1 * s1 + s2 * s2 - k * s1 * s2) / (rate * rate);
          }),
        );
      }
      return out;
    },
    { base64, freqs },
  );
}
