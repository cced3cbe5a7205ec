import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from './envelope.ts';
import { validateMessage } from './validate-message.ts';

const cmd = (name: string, payload: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    header: { type: 'command', name, requestId: 7, version: PROTOCOL_VERSION, ...extra },
    payload,
  });
const v = (text: string) => validateMessage(text, Buffer.byteLength(text));

describe('validateMessage', () => {
  it('accepts a valid command and returns its typed payload', () => {
    expect(v(cmd('Session.Start', { locale: 'zh-CN' }))).toEqual({
      ok: true,
      command: { name: 'Session.Start', requestId: 7, payload: { locale: 'zh-CN' } },
    });
  });
  it('rejects bad JSON as invalidMessage', () => {
    expect(v('{nope')).toMatchObject({
      ok: false,
      completionCode: 'invalidMessage',
      name: 'Common.Error',
      requestId: 0,
    });
  });
  it('names the broken envelope field and echoes what it could read', () => {
    const r = v(
      JSON.stringify({ header: { type: 'command', name: 'Session.Start', requestId: 9 }, payload: {} }),
    );
    expect(r).toMatchObject({
      ok: false,
      completionCode: 'invalidMessage',
      name: 'Session.Start',
      requestId: 9,
    });
    expect(!r.ok && r.description).toMatch(/header\.version/);
  });
  it('rejects unknown commands as unsupportedCommand', () => {
    expect(v(cmd('Arm.Dance', {}))).toMatchObject({
      ok: false,
      completionCode: 'unsupportedCommand',
      name: 'Arm.Dance',
    });
    expect(v(cmd('Session.toString', {}))).toMatchObject({ ok: false, completionCode: 'invalidMessage' });
  });
  it('names the bad payload field, including unknown extra keys', () => {
    const r = v(cmd('Session.Ask', { sessionId: 'x', text: '' }));
    expect(!r.ok && r.description).toMatch(/payload\.text/);
    const extra = v(cmd('Session.Start', { locale: 'en', pan: '4111' }));
    expect(extra).toMatchObject({ ok: false, completionCode: 'invalidMessage' });
  });
  it('accepts only commands from the client and only protocol major version 1', () => {
    expect(v(cmd('Session.Start', { locale: 'en' }, { type: 'event' }))).toMatchObject({
      ok: false,
      completionCode: 'invalidMessage',
    });
    expect(v(cmd('Session.Start', { locale: 'en' }, { version: '2.0' }))).toMatchObject({
      ok: false,
      completionCode: 'invalidMessage',
    });
  });
  it('refuses messages over MAX_MESSAGE_BYTES before parsing them', () => {
    const big = cmd('Session.Ask', { sessionId: 's', text: 'x'.repeat(MAX_MESSAGE_BYTES) });
    const r = v(big);
    expect(r).toMatchObject({ ok: false, completionCode: 'invalidMessage' });
    expect(!r.ok && r.description).toMatch(/exceeds/);
  });
});
