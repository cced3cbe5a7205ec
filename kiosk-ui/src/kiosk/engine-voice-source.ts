// The kiosk's voice engine as the avatar sees it: each line is fetched from the device-agent on the same
// origin (POST /voice/line; nothing leaves the machine). A 404 means the branch chose the browser's own
// voice (voice.engine = browser), and the avatar falls back to speechSynthesis.
import type { EngineLine, EngineSource } from '@branch/avatar';

export type VoiceMode = 'normal' | 'elderly';

interface LineJson {
  durationMs: number;
  pieces: EngineLine['pieces'];
  wav: string;
}

function base64Bytes(b64: string): ArrayBuffer {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
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
    source: async (text, locale) => {
      if (!available) return null;
      const res = await fetch(`${base}/voice/line`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text, locale, mode }),
      });
      if (res.status === 404) {
        available = false;
        return null;
      }
      if (!res.ok) throw new Error(`voice engine answered ${res.status}`);
      const json = (await res.json()) as LineJson;
      return { durationMs: json.durationMs, pieces: json.pieces, wav: base64Bytes(json.wav) };
    },
  };
}
