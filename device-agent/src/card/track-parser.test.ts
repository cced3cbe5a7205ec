import { describe, expect, it } from 'vitest';
import { describeSwipeError, parseSwipe } from './track-parser.ts';
import { luhnValid } from './luhn.ts';
import { maskPan } from './mask.ts';
import { cardToken, intakeSwipe } from './card-intake.ts';
import { createHmac } from 'node:crypto';

describe('parseSwipe', () => {
  it('reads PAN and expiry from track 1', () => {
    expect(parseSwipe('%B4111111111111111^LEE/ANNA^29121010000000000000?')).toEqual({
      ok: true,
      pan: '4111111111111111',
      expiry: '2912',
    });
  });
  it('reads track 2 alone', () => {
    expect(parseSwipe(';5555555555554444=28082011234567890000?')).toEqual({
      ok: true,
      pan: '5555555555554444',
      expiry: '2808',
    });
  });
  it('accepts both tracks when the PANs agree and rejects them when they do not', () => {
    expect(parseSwipe('%B4111111111111111^A/B^2912101?;4111111111111111=2912101?').ok).toBe(true);
    expect(parseSwipe('%B4111111111111111^A/B^2912101?;4000000000000002=2912101?')).toEqual({
      ok: false,
      reason: 'track_mismatch',
    });
  });
  it('treats an absent expiry field as no expiry', () => {
    expect(parseSwipe(';4111111111111111==101?')).toEqual({ ok: true, pan: '4111111111111111' });
  });
  it('rejects empty, sentinel-less, truncated and too-short input with distinct reasons', () => {
    expect(parseSwipe('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parseSwipe('hello world')).toEqual({ ok: false, reason: 'no_track' });
    expect(parseSwipe('%B41111111111^LEE/AN')).toEqual({ ok: false, reason: 'malformed_track' });
    expect(parseSwipe(';1234=2912?')).toEqual({ ok: false, reason: 'bad_pan' });
    expect(parseSwipe(`;${'4'.repeat(300)}=2912?`)).toEqual({ ok: false, reason: 'malformed_track' });
  });
  it('gives every reason a text the UI can show, without card data', () => {
    for (const r of ['empty', 'no_track', 'malformed_track', 'bad_pan', 'track_mismatch'] as const) {
      expect(describeSwipeError(r)).toMatch(/swipe/i);
    }
  });
});

describe('luhn', () => {
  it('accepts network test PANs and rejects a changed digit', () => {
    for (const pan of ['4111111111111111', '5555555555554444', '6212345678901265', '378282246310005']) {
      expect(luhnValid(pan)).toBe(true);
    }
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('41111a1111111111')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('maskPan', () => {
  it('keeps the first 6 and the last 4 at most', () => {
    expect(maskPan('4111111111111111')).toBe('411111******1111');
    expect(maskPan('378282246310005')).toBe('378282*****0005');
    expect(maskPan('4111111111111111111')).toBe('411111*********1111');
  });
  it('hides more of short PANs', () => {
    expect(maskPan('123456789012')).toBe('********9012');
    expect(maskPan('12345678')).toBe('********');
  });
});

describe('intakeSwipe', () => {
  const key = Buffer.from('00112233445566778899aabbccddeeff', 'hex');
  it('returns masked PAN, Luhn, expiry and the HMAC token, never the PAN', () => {
    const r = intakeSwipe('%B4111111111111111^LEE/ANNA^29121010000000000000?', key);
    expect(r).toEqual({
      ok: true,
      card: {
        maskedPan: '411111******1111',
        luhnValid: true,
        expiry: '2912',
        token: createHmac('sha256', key).update('4111111111111111').digest('hex'),
      },
    });
    expect(JSON.stringify(r)).not.toContain('4111111111111111');
    expect(JSON.stringify(r)).not.toContain('LEE');
  });
  it('gives the same token for the same PAN and a different one under another key', () => {
    expect(cardToken(key, '4111111111111111')).toBe(cardToken(key, '4111111111111111'));
    expect(cardToken(Buffer.from('ff', 'hex'), '4111111111111111')).not.toBe(
      cardToken(key, '4111111111111111'),
    );
  });
  it('reports a bad Luhn instead of rejecting the swipe', () => {
    const r = intakeSwipe(';4111111111111112=2701?', key);
    expect(r.ok && r.card.luhnValid).toBe(false);
  });
});
