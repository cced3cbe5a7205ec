// HUB_SERVICE_LEVEL_S as the hub entry reads it: the wallboard's service-level threshold.
import { describe, expect, it } from 'vitest';
import { serviceLevelFromEnv } from '../bin/hub-env.ts';

describe('serviceLevelFromEnv', () => {
  it('keeps the default when unset, and takes whole seconds from 1 to 3600', () => {
    expect(serviceLevelFromEnv({})).toBeUndefined();
    expect(serviceLevelFromEnv({ HUB_SERVICE_LEVEL_S: ' ' })).toBeUndefined();
    expect(serviceLevelFromEnv({ HUB_SERVICE_LEVEL_S: '30' })).toBe(30);
    for (const bad of ['0', '3601', '2.5', 'twenty'])
      expect(() => serviceLevelFromEnv({ HUB_SERVICE_LEVEL_S: bad })).toThrow(/HUB_SERVICE_LEVEL_S/);
  });
});
