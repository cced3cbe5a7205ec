// Suitability of a wealth product for the customer: the product's risk level (R1..R5) against the
// customer's risk rating (C1..C5, from their risk-tolerance assessment). A product may be offered only
// when the rating is at least the level. The page shows the result with the disclosure; when either side
// is unknown it says so instead of guessing.

export type RiskCheck =
  | { kind: 'suitable'; level: string; rating: string }
  | { kind: 'unsuitable'; level: string; rating: string }
  | { kind: 'ratingUnknown'; level: string };

const LEVEL = /^R([1-5])$/;
const RATING = /^C([1-5])$/;

/** null when the answer is not about a rated product (no disclosure needed). */
export function checkRisk(productLevel: unknown, customerRating: unknown): RiskCheck | null {
  const level = typeof productLevel === 'string' ? LEVEL.exec(productLevel.trim().toUpperCase()) : null;
  if (!level) return null;
  const levelText = `R${level[1]}`;
  const rating = typeof customerRating === 'string' ? RATING.exec(customerRating.trim().toUpperCase()) : null;
  if (!rating) return { kind: 'ratingUnknown', level: levelText };
  const ratingText = `C${rating[1]}`;
  return Number(rating[1]) >= Number(level[1])
    ? { kind: 'suitable', level: levelText, rating: ratingText }
    : { kind: 'unsuitable', level: levelText, rating: ratingText };
}

/** Reads an optional field the agent may add later (not in today's protocol types) without trusting it. */
export function optionalString(source: object | null | undefined, field: string): string | undefined {
  const value = source ? (source as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? value : undefined;
}
