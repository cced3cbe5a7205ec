// The built kiosk page with the agent's voice route beside it: POST /voice/line answered by the
// device-agent's EspeakVoice (real espeak-ng processes), everything else from kiosk-ui/dist.
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { EspeakVoice, voiceLineJson, type VoiceLine } from '@branch/device-agent';
import { serveStatic } from '../static-server.ts';

export const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

export async function ensureBuilt(): Promise<void> {
  if (existsSync(`${DIST}index.html`)) return;
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../../vite.config.ts', import.meta.url)) });
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const p of req) parts.push(p as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export interface VoiceServer {
  url: string;
  voice: EspeakVoice;
  /** Every line the page asked for, with the engine's answer. */
  lines: VoiceLine[];
  close(): Promise<void>;
}

export async function serveKioskWithVoice(): Promise<VoiceServer> {
  const voice = new EspeakVoice({ rateWpm: 165, volume: 100 });
  voice.warm('zh-CN');
  voice.warm('en');
  const lines: VoiceLine[] = [];
  const server = await serveStatic(DIST, (req, res) => {
    if (req.method !== 'POST' || req.url !== '/voice/line') return false;
    void bodyOf(req)
      .then(async (body) => {
        const { text, locale, mode } = JSON.parse(body) as {
          text: string;
          locale: 'zh-CN' | 'en';
          mode?: 'normal' | 'elderly';
        };
        const line = await voice.synthesize(text, locale, mode ?? 'normal');
        lines.push(line);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(voiceLineJson(line)));
      })
      .catch((err: unknown) => res.writeHead(500).end(String(err)));
    return true;
  });
  return {
    url: server.url,
    voice,
    lines,
    close: async () => {
      voice.close();
      await server.close();
    },
  };
}
