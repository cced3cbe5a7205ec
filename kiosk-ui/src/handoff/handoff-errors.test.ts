import { describe, expect, it } from 'vitest';
import { CommandFailed } from '../protocol/kiosk-client.ts';
import { handoffErrorKey } from './handoff-errors.ts';

describe('handoffErrorKey', () => {
  it("names the hub's per-kiosk limit apart from other failures", () => {
    const limit = new CommandFailed('Handoff.Request', 'commandErrorCode', 'tooManyHandoffs', 'over');
    expect(handoffErrorKey(limit)).toBe('handoff.busy');
    const down = new CommandFailed('Handoff.Request', 'deviceNotReady', undefined, 'hub down');
    expect(handoffErrorKey(down)).toBe('handoff.failed');
    expect(handoffErrorKey(new Error('socket'))).toBe('handoff.failed');
  });
});
