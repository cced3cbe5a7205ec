// POST /voice/line: the kiosk page asks the agent (same origin, loopback) to say a line. The answer is
// streamed as the engine says it, one JSON object a line (NDJSON): each spoken piece with its timing and
// its samples (16-bit mono PCM, base64) as soon as it is ready (the first second of audio in one write),
// so the page starts playing while the rest is still being said; then an `end` line; an `error` line if
// the engine fails.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import type { VoiceChunk, VoiceMode } from './espeak-voice.ts';
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

export interface LineStreamer {
  stream(text: string, locale: VoiceLocale, mode?: VoiceMode): AsyncIterable<VoiceChunk>;
}

/**
 * The first write holds at least this much audio (or the whole line): the page then has a second of
 * speech queued before it depends on the next piece arriving in time, so a page busy drawing for a
 * moment does not leave a gap. The engine says pieces far faster than they play, so this costs the
 * first syllable a few milliseconds.
 */
export const FIRST_WRITE_AUDIO_MS = 1000;

/** The NDJSON of a spoken line as the engine says it, in writes (each one or more whole lines). */
export async function* voiceLineNdjson(
  voice: LineStreamer,
  text: string,
  locale: VoiceLocale,
  mode: VoiceMode = 'normal',
): AsyncGenerator<string> {
  let durationMs = 0;
  let held = '';
  let holding = true;
  try {
    for await (const c of voice.stream(text, locale, mode)) {
      const pcm = Buffer.from(c.samples.buffer, c.samples.byteOffset, c.samples.byteLength).toString(
        'base64',
      );
      durationMs = c.piece.endMs;
      const line = `${JSON.stringify({ piece: c.piece, sampleRate: c.sampleRate, pcm })}\n`;
      if (!holding) {
        yield line;
        continue;
      }
      held += line;
      if (durationMs >= FIRST_WRITE_AUDIO_MS) {
        yield held;
        held = '';
        holding = false;
      }
    }
    yield `${held}${JSON.stringify({ end: { durationMs } })}\n`;
  } catch (err) {
    yield `${held}${JSON.stringify({ error: (err as Error).message })}\n`;
  }
}

export function voiceRoutes(voice: LineStreamer): Hono {
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
    c.header('content-type', 'application/x-ndjson');
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      for await (const line of voiceLineNdjson(voice, req.data.text, req.data.locale, req.data.mode)) {
        if (out.aborted) return;
        await out.write(line);
      }
    });
  });
  return app;
}
