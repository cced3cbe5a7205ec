import { describe, expect, it } from 'vitest';
import { cardToken } from '../card/card-intake.ts';
import { NoCustomerProfiles } from './customer-profiles.ts';
import { SimulatedCustomerProfiles } from './simulated-customer-profiles.ts';

const KEY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');

describe('customer profiles', () => {
  it('simulation knows the test cards by their token under this kiosk key, nothing else', async () => {
    const profiles = new SimulatedCustomerProfiles(KEY);
    expect(profiles.source).toBe('simulation');
    expect(await profiles.lookup(cardToken(KEY, '5555555555554444'))).toEqual({
      tier: 'vip',
      riskRating: 'C5',
    });
    expect(await profiles.lookup(cardToken(KEY, '6212345678901265'))).toEqual({
      tier: 'standard',
      riskRating: 'C2',
    });
    expect(await profiles.lookup(cardToken(KEY, '4111111111111111'))).toEqual({
      tier: 'standard',
      riskRating: 'C4',
    });
    // The misprinted card identifies nobody; an unknown card and a token under another key find nothing.
    expect(await profiles.lookup(cardToken(KEY, '4111111111111112'))).toBeNull();
    expect(await profiles.lookup(cardToken(KEY, '6228480044712359080'))).toBeNull();
    expect(await profiles.lookup(cardToken(Buffer.alloc(16, 1), '5555555555554444'))).toBeNull();
  });

  it('hands out copies, so a caller cannot change a stored profile', async () => {
    const profiles = new SimulatedCustomerProfiles(KEY);
    const token = cardToken(KEY, '6212345678901265');
    const p = await profiles.lookup(token);
    if (p) p.riskRating = 'C5';
    expect((await profiles.lookup(token))?.riskRating).toBe('C2');
  });

  it('hardware mode has no source: every lookup is null', async () => {
    const none = new NoCustomerProfiles();
    expect(none.source).toBe('none');
    expect(await none.lookup()).toBeNull();
  });
});
