// Predefined cards for simulation. The PANs are public test numbers (card networks' test ranges);
// the simulation panel sees only id, label and masked PAN.
import type { CustomerProfile } from '../protocol/messages.ts';
import { maskPan } from './mask.ts';

interface TestCard {
  id: string;
  label: string;
  pan: string;
  track: string;
  /**
   * The holder's simulated profile (SimulatedCustomerProfiles). Ratings straddle the R3 wealth product:
   * unionpay-debit's C2 is below it, visa-classic's C4 and the VIP's C5 are at or above it. A misprinted
   * card identifies nobody, so it has none.
   */
  profile: CustomerProfile | null;
}

const CARDS: TestCard[] = [
  {
    id: 'visa-classic',
    label: 'Visa classic (valid)',
    pan: '4111111111111111',
    track: '%B4111111111111111^LEE/ANNA^29121010000000000000?;4111111111111111=29121010000000000000?',
    profile: { tier: 'standard', riskRating: 'C4' },
  },
  {
    id: 'unionpay-debit',
    label: 'UnionPay debit (track 2 only)',
    pan: '6212345678901265',
    track: ';6212345678901265=30061200000000000000?',
    profile: { tier: 'standard', riskRating: 'C2' },
  },
  {
    id: 'mastercard-vip',
    label: 'Mastercard World Elite (VIP)',
    pan: '5555555555554444',
    track: '%B5555555555554444^WANG/WEI VIP^28082011234567890000?;5555555555554444=28082011234567890000?',
    profile: { tier: 'vip', riskRating: 'C5' },
  },
  {
    id: 'bad-luhn',
    label: 'Misprinted card (bad Luhn)',
    pan: '4111111111111112',
    track: '%B4111111111111112^TEST/BADLUHN^27011010000000000000?',
    profile: null,
  },
];

export interface TestCardView {
  id: string;
  label: string;
  maskedPan: string;
}

export function listTestCards(): TestCardView[] {
  // The panel says whose card it is (tier and risk rating), so a tester can pick the low-rated one.
  return CARDS.map((c) => ({
    id: c.id,
    label: c.profile ? `${c.label}: ${c.profile.tier}, risk rating ${c.profile.riskRating}` : c.label,
    maskedPan: maskPan(c.pan),
  }));
}

/** Track text of a test card, for the virtual reader only. */
export function testCardTrack(id: string): string | undefined {
  return CARDS.find((c) => c.id === id)?.track;
}

/** The test cards' holders, for the simulated profile source only (it turns each PAN into its token). */
export function testCardProfiles(): { pan: string; profile: CustomerProfile }[] {
  return CARDS.flatMap((c) => (c.profile ? [{ pan: c.pan, profile: c.profile }] : []));
}
