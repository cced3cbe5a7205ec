import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, turnCredential } from './turn-credentials.ts';

const turn = { urls: ['turn:127.0.0.1:3478'], secret: 'shared-with-coturn', ttlS: 300 };

describe('TURN REST credentials', () => {
  it('gives "<expiry>:<who>" and the base64 HMAC-SHA1 of it under the shared secret', async () => {
    const c = await turnCredential(turn, 'handoff-1', 1_700_000_000_500);
    expect(c.username).toBe('1700000300:handoff-1');
    // The check coturn makes, done here with Node's own HMAC.
    const expected = createHmac('sha1', turn.secret).update(c.username).digest('base64');
    expect(c.credential).toBe(expected);
    expect(c.urls).toEqual(turn.urls);
  });

  it('keeps the expiry first even when the name holds a colon', async () => {
    const c = await turnCredential(turn, 'a:b', 0);
    expect(c.username).toBe('300:a_b');
  });

  it('adds a credential after the static servers only when TURN is configured', async () => {
    const stun = [{ urls: 'stun:stun.example:3478' }];
    expect(await iceServersFor(stun, undefined, 'x', 0)).toEqual(stun);
    const withTurn = await iceServersFor(stun, turn, 'x', 0);
    expect(withTurn).toHaveLength(2);
    expect(withTurn[1]).toMatchObject({ urls: turn.urls, username: '300:x' });
  });
});
