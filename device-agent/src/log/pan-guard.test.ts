import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { scrubText, scrubValue } from './pan-guard.ts';
import { createAgentLogger } from './agent-logger.ts';

const PAN = '4111111111111111';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('pan guard', () => {
  it('removes PANs, spaced PANs and track data from text, and keeps ordinary numbers', () => {
    expect(scrubText(`card ${PAN} seen`)).toBe('card [redacted] seen');
    expect(scrubText('4111 1111 1111 1111')).toBe('[redacted]');
    expect(scrubText('%B5555555555554444^WANG/WEI^2808201?')).toBe('[redacted]');
    expect(scrubText(';6212345678901265=3006120?')).toBe('[redacted]');
    expect(scrubText('port 7200, 12 items, id 01JABCDEF')).toBe('port 7200, 12 items, id 01JABCDEF');
  });
  it('walks objects, arrays and errors', () => {
    const out = JSON.stringify(
      scrubValue({ a: [{ b: `x${PAN}` }], e: new Error(`bad ${PAN}`), n: 4111111111111111 }),
    );
    expect(out).not.toContain(PAN);
    expect(out).not.toContain('4111111111111110'); // float rounding of the number form
  });
  it('keeps a PAN out of the agent logger output whatever way it is logged', () => {
    const { stream, text } = capture();
    const log = createAgentLogger({ level: 'trace' }, stream);
    log.info(`swipe ${PAN}`);
    log.warn({ pan: PAN, raw: `;${PAN}=2912?`, detail: { note: `pan=${PAN}` } }, 'object');
    log.error(new Error(`parse failed at %B${PAN}^X/Y^2912?`));
    log.child({ card: PAN }).info('child binding');
    const out = text();
    expect(out).toContain('object');
    expect(out).not.toContain(PAN);
  });
  it('guards objects logged through a caller-supplied pino instance', () => {
    const { stream, text } = capture();
    const log = createAgentLogger(pino({ level: 'info' }, stream));
    log.info({ detail: `track ;${PAN}=2912?` }, 'x');
    expect(text()).toContain('device-agent');
    expect(text()).not.toContain(PAN);
  });
});
