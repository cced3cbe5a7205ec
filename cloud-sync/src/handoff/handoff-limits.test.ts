import { describe, expect, it } from 'vitest';
import { HandoffLimitError, KioskRequestWindow } from './handoff-limits.ts';

describe('KioskRequestWindow', () => {
  it('allows `max` requests per kiosk in any 60 s and says when the next one may come', () => {
    const w = new KioskRequestWindow();
    w.take('k1', 0, 2);
    w.take('k1', 10_000, 2);
    w.take('k2', 10_000, 2);
    let refused: unknown;
    try {
      w.take('k1', 20_000, 2);
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(HandoffLimitError);
    expect(refused).toMatchObject({ code: 'too_many_handoff_requests', retryAfterS: 40 });
    // The first request leaves the window after 60 s: room for one more.
    w.take('k1', 60_000, 2);
    expect(() => w.take('k1', 60_001, 2)).toThrow(HandoffLimitError);
  });
});
