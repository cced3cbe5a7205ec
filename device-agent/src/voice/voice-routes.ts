// POST /voice/line: the kiosk page asks the agent (same origin, loopback) to say a line. The answer is the
// engine's timing of each piece and the WAV, base64 in one JSON body so the page gets both at once.
import { Hono } from 'hono';
import { z } from 'zod';
import type { VoiceLine, VoiceMode } from './espeak-voice.ts';
import type { VoiceLocale } from './voice-segments.ts';

/** Longest line the kiosk says at once, characters. */
export const MAX_LINE_CHARS = 1000;

const LineRequest = z
  .object({
    text: z.string().min(1).max(MAX_LINE_CHARS),
    locale: z.enum(['zh-CN', 'en']),
    mode: z.enum(['normal', 'elderly']).default('normal'),
  })
  .strict();

export interface LineSynthesizer {
  synthesize(text: string, locale: VoiceLocale, mode?: VoiceMode): Promise<VoiceLine>;
}

export function voiceLineJson(line: VoiceLine): Record<string, unknown> {
  const { wav, ...timing } = line;
  return { ...timing, wav: Buffer.from(wav.buffer, wav.byteOffset, wav.byteLength).toString('base64') };
}

export function voiceRoutes(voice: LineSynthesizer): Hono {
  const app = new Hono();
  app.post('/line', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'body must be JSON' }, 400);
    }
    const req = LineRequest.safeParse(body);
    if (!req.success) return c.json({ error: req.error.issues[0]?.message ?? 'bad request' }, 400);
    const line = await voice.synthesize(req.data.text, req.data.locale, req.data.mode);
    return c.json(voiceLineJson(line), 200, { 'cache-control': 'no-store' });
  });
  return app;
}
