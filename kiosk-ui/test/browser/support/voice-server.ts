// The built kiosk page with the agent's voice route beside it: POST /voice/line answered as the agent
// does (the device-agent's EspeakVoice on real espeak-ng processes, streamed piece by piece as NDJSON),
// everything else from kiosk-ui/dist.
import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { EspeakVoice, voiceLineNdjson, type VoicePiece } from '@branch/device-agent';
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

/** A line the page asked for, as the engine said it. */
export interface SaidLine {
  text: string;
  pieces: VoicePiece[];
}

export interface VoiceServer {
  url: string;
  voice: EspeakVoice;
  /** Every line the page asked for, with the engine's pieces (filled in as they are said). */
  lines: SaidLine[];
  close(): Promise<void>;
}

export async function serveKioskWithVoice(): Promise<VoiceServer> {
  const voice = new EspeakVoice({ rateWpm: 165, volume: 100 });
  voice.warm('zh-CN');
  voice.warm('en');
  const lines: SaidLine[] = [];
  const server = await serveStatic(DIST, (req, res) => {
    if (req.method !== 'POST' || req.url !== '/voice/line') return false;
    void bodyOf(req)
      .then(async (body) => {
        const { text, locale, mode } = JSON.parse(body) as {
          text: string;
          locale: 'zh-CN' | 'en';
          mode?: 'normal' | 'elderly';
        };
        const said: SaidLine = { text, pieces: [] };
        lines.push(said);
        const recorded = {
          async *stream(...args: Parameters<EspeakVoice['stream']>) {
            for await (const c of voice.stream(...args)) {
              said.pieces.push(c.piece);
              yield c;
            }
          },
        };
        res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
        for await (const l of voiceLineNdjson(recorded, text, locale, mode ?? 'normal')) {
          if (res.destroyed) break;
          res.write(l);
        }
        res.end();
      })
      .catch((err: unknown) => res.destroy(err as Error));
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
