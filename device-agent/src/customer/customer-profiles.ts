// Where the agent learns who a card's holder is for the kiosk: their service tier (routing) and risk rating
// (wealth-product suitability). Looked up by card token, so no source ever sees the PAN. Real banks keep
// this in their customer system; simulation has its own source, and hardware mode has none until a real
// one is wired in (the page then shows no suitability comparison, only the disclosure).
import type { CustomerProfile } from '../protocol/messages.ts';

export interface CustomerProfiles {
  /** Named in logs and the README so nobody mistakes simulated profiles for real ones. */
  readonly source: 'simulation' | 'none';
  /** The card holder's profile, or null when the source does not know the card. */
  lookup(cardToken: string): Promise<CustomerProfile | null>;
}

/** Hardware mode today: no customer system is connected, so no card has a profile. */
export class NoCustomerProfiles implements CustomerProfiles {
  readonly source = 'none' as const;

  async lookup(): Promise<CustomerProfile | null> {
    return null;
  }
}
