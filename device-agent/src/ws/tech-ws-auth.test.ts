import { describe, expect, it } from 'vitest';
import { TECH_WS_PROTOCOL, techWsCredential, techWsProtocols } from './tech-ws-auth.ts';

const token = 'AbCdEfGhIjKlMnOpQrSt_-12';

describe('technician WebSocket credential', () => {
  it('reads the token from the offered subprotocols', () => {
    expect(techWsCredential(techWsProtocols(token).join(', '))).toEqual({ ok: true, token });
    expect(techWsCredential([`bearer.${token}`, TECH_WS_PROTOCOL])).toEqual({ ok: true, token });
  });

  it('refuses a header without the protocol, without a token, or with a bad or second token', () => {
    expect(techWsCredential(undefined)).toEqual({ ok: false, reason: 'no protocol' });
    expect(techWsCredential(`bearer.${token}`)).toEqual({ ok: false, reason: 'no protocol' });
    expect(techWsCredential(TECH_WS_PROTOCOL)).toEqual({ ok: false, reason: 'no token' });
    expect(techWsCredential(`${TECH_WS_PROTOCOL}, bearer.short`)).toMatchObject({
      reason: 'malformed token',
    });
    expect(techWsCredential(`${TECH_WS_PROTOCOL}, bearer.${token}, bearer.${token}x`)).toMatchObject({
      reason: 'malformed token',
    });
  });
});
