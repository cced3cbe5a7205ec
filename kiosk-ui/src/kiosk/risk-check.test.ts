import { describe, expect, it } from 'vitest';
import { checkRisk, optionalString } from './risk-check.ts';

describe('wealth product risk check', () => {
  it('is suitable when the rating is at least the product level', () => {
    expect(checkRisk('R3', 'C3')).toEqual({ kind: 'suitable', level: 'R3', rating: 'C3' });
    expect(checkRisk('r2', 'c5')).toEqual({ kind: 'suitable', level: 'R2', rating: 'C5' });
  });

  it('is unsuitable when the rating is below the level', () => {
    expect(checkRisk('R4', 'C2')).toEqual({ kind: 'unsuitable', level: 'R4', rating: 'C2' });
  });

  it('says the rating is unknown rather than guessing, and stays out of non-product answers', () => {
    expect(checkRisk('R3', undefined)).toEqual({ kind: 'ratingUnknown', level: 'R3' });
    expect(checkRisk('R3', 'C9')).toEqual({ kind: 'ratingUnknown', level: 'R3' });
    expect(checkRisk(undefined, 'C3')).toBeNull();
    expect(checkRisk('high', 'C3')).toBeNull();
    expect(checkRisk(3, 'C3')).toBeNull();
  });

  it('reads optional fields the protocol may add later only when they are strings', () => {
    expect(optionalString({ productRiskLevel: 'R3' }, 'productRiskLevel')).toBe('R3');
    expect(optionalString({ productRiskLevel: 3 }, 'productRiskLevel')).toBeUndefined();
    expect(optionalString(null, 'x')).toBeUndefined();
  });
});
