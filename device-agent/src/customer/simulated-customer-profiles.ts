// Simulation mode's customer profiles: the predefined test cards' holders (test-cards.ts), keyed by the
// same HMAC token the card intake computes, so a swipe on the simulation panel finds its profile exactly
// as a real lookup would. Raw swipes of other numbers have no profile.
import { cardToken } from '../card/card-intake.ts';
import { testCardProfiles } from '../card/test-cards.ts';
import type { CustomerProfile } from '../protocol/messages.ts';
import type { CustomerProfiles } from './customer-profiles.ts';

export class SimulatedCustomerProfiles implements CustomerProfiles {
  readonly source = 'simulation' as const;
  private readonly byToken = new Map<string, CustomerProfile>();

  constructor(cardKey: Buffer) {
    for (const { pan, profile } of testCardProfiles()) this.byToken.set(cardToken(cardKey, pan), profile);
  }

  async lookup(token: string): Promise<CustomerProfile | null> {
    const p = this.byToken.get(token);
    return p ? { ...p } : null;
  }
}
