import { describe, expect, it } from 'vitest';
import { iceFromEnv } from '../bin/ice-env.ts';

const secret = 'a-secret-of-24-characters';

describe('ICE settings from the environment', () => {
  it('is empty when nothing is set', () => {
    expect(iceFromEnv({})).toEqual({});
  });

  it('reads TURN by the REST scheme and the relay-only policy', () => {
    const ice = iceFromEnv({
      HUB_TURN_URLS: 'turn:127.0.0.1:3478?transport=udp, turn:127.0.0.1:3478?transport=tcp',
      HUB_TURN_SECRET: secret,
      HUB_TURN_TTL_S: '900',
      HUB_ICE_RELAY_ONLY: '1',
    });
    expect(ice).toEqual({
      turn: {
        urls: ['turn:127.0.0.1:3478?transport=udp', 'turn:127.0.0.1:3478?transport=tcp'],
        secret,
        ttlS: 900,
      },
      iceTransportPolicy: 'relay',
    });
  });

  it('names what is wrong', () => {
    expect(() => iceFromEnv({ HUB_TURN_URLS: 'turn:x:3478' })).toThrow(/go together/);
    expect(() => iceFromEnv({ HUB_TURN_URLS: 'http://x', HUB_TURN_SECRET: secret })).toThrow(/not a turn:/);
    expect(() => iceFromEnv({ HUB_TURN_URLS: 'turn:x', HUB_TURN_SECRET: 'short' })).toThrow(/16 characters/);
    expect(() =>
      iceFromEnv({ HUB_TURN_URLS: 'turn:x', HUB_TURN_SECRET: secret, HUB_TURN_TTL_S: '5' }),
    ).toThrow(/HUB_TURN_TTL_S/);
    expect(() => iceFromEnv({ HUB_ICE_RELAY_ONLY: '1' })).toThrow(/needs a TURN server/);
    expect(() => iceFromEnv({ HUB_ICE_SERVERS: '{' })).toThrow(/not JSON/);
  });
});
