// The kiosk's voice engine as the avatar sees it: each line is asked of the device-agent on the same
// origin (POST /voice/line; nothing leaves the machine), which streams it back piece by piece as the
// engine says it (NDJSON: a piece's timing and its 16-bit samples, base64, per line; then `end`). The
// avatar plays each piece as it arrives. A 404 means the branch chose the browser's own voice
// (voice.engine = browser), and the avatar falls back to speechSynthesis.
import type { EngineChunk, EngineSource } from '@branch/avatar';

export type VoiceMode = 'normal' | 'elderly';

type StreamLine =
  | { piece: EngineChunk['piece']; sampleRate: number; pcm: string }
  | { end: { durationMs: number } }
  | { error: string };

function samplesOf(b64: string): Int16Array {
  const bin = atob(b64);
  const out = new Int16Array(bin.length >> 1);
  for (let i = 0; i < out.length; i++) {
    const v = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
    out[i] = v > 0x7fff ? v - 0x10000 : v;
  }
  return out;
}

/** The JSON objects of an NDJSON body, each as soon as its line is complete. */
async function* ndjson(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamLine> {
  const reader = body.getReader();
  const text = new TextDecoder();
  let buf = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += text.decode(value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (line !== '') yield JSON.parse(line) as StreamLine;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<EngineChunk> {
  for await (const m of ndjson(body)) {
    if ('error' in m) throw new Error(`voice engine: ${m.error}`);
    if ('end' in m) return;
    yield { piece: m.piece, sampleRate: m.sampleRate, samples: samplesOf(m.pcm) };
  }
  throw new Error('voice engine: the line ended early');
}

export interface EngineVoice {
  source: EngineSource;
  /** Normal or the slower, louder elderly mode, for the lines that follow. */
  setMode(mode: VoiceMode): void;
}

export function engineVoice(base = ''): EngineVoice {
  let mode: VoiceMode = 'normal';
  let available = true;
  return {
    setMode: (m) => {
      mode = m;
    },
    source: async (text, locale, signal) => {
      if (!available) return null;
      const res = await fetch(`${base}/voice/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, locale, mode }),
        ...(signal ? { signal } : {}),
      });
      if (res.status === 404) {
        available = false;
        return null;
      }
      if (!res.ok || !res.body) throw new Error(`voice engine answered ${res.status}`);
      return chunksOf(res.body);
    },
  };
}
