// Turns a raw swipe into what the agent may keep: masked PAN, Luhn result, expiry and an HMAC token.
// The PAN lives only inside this function; raw track text is the caller's to drop.
import { createHmac } from 'node:crypto';
import { luhnValid } from './luhn.ts';
import { maskPan } from './mask.ts';
import { parseSwipe, type SwipeErrorReason } from './track-parser.ts';

export interface CardIdentity {
  maskedPan: string;
  luhnValid: boolean;
  expiry?: string;
  /** HMAC-SHA256(cardKey, PAN), hex: links sessions of the same card without holding the PAN. */
  token: string;
}

export type IntakeResult = { ok: true; card: CardIdentity } | { ok: false; reason: SwipeErrorReason };

export function cardToken(cardKey: Buffer, pan: string): string {
  return createHmac('sha256', cardKey).update(pan, 'ascii').digest('hex');
}

export function intakeSwipe(raw: string, cardKey: Buffer): IntakeResult {
  const parsed = parseSwipe(raw);
  if (!parsed.ok) return parsed;
  const card: CardIdentity = {
    maskedPan: maskPan(parsed.pan),
    luhnValid: luhnValid(parsed.pan),
    token: cardToken(cardKey, parsed.pan),
  };
  if (parsed.expiry !== undefined) card.expiry = parsed.expiry;
  return { ok: true, card };
}
