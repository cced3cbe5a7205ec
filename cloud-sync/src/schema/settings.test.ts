import { describe, expect, it } from 'vitest';
import { ConfigEntrySchema, RoutingRuleSchema, matchRoutingRule, type RoutingRule } from './settings.ts';

const rule = (
  id: string,
  priority: number,
  match: RoutingRule['match'],
  to: RoutingRule['route']['to'],
  enabled = true,
): RoutingRule => RoutingRuleSchema.parse({ id, version: 1, enabled, priority, match, route: { to } });

describe('routing rules', () => {
  const rules = [
    rule('fallback', 1000, {}, 'agent'),
    rule('risky-products', 10, { minRiskLevel: 'R4' }, 'risk'),
    rule('angry', 5, { emotions: ['angry'] }, 'supervisor'),
    rule('hours-bot', 20, { intents: ['opening_hours'], locales: ['en', 'zh-CN'] }, 'bot'),
    rule('disabled', 0, {}, 'expert', false),
  ];
  it('picks the first enabled matching rule by priority', () => {
    expect(matchRoutingRule(rules, { intent: 'opening_hours', locale: 'en' })?.id).toBe('hours-bot');
    expect(matchRoutingRule(rules, { intent: 'opening_hours', emotion: 'angry' })?.id).toBe('angry');
    expect(matchRoutingRule(rules, { riskLevel: 'R5' })?.id).toBe('risky-products');
    expect(matchRoutingRule(rules, { riskLevel: 'R3' })?.id).toBe('fallback');
    expect(matchRoutingRule(rules.slice(1), { intent: 'loan' })).toBeNull();
  });
  it('validates documents', () => {
    expect(ConfigEntrySchema.safeParse({ key: 'Idle Timeout', version: 1, value: 1 }).success).toBe(false);
    expect(
      ConfigEntrySchema.safeParse({ key: 'ui.languages', version: 1, value: ['en', 'zh-CN'] }).success,
    ).toBe(true);
    expect(RoutingRuleSchema.safeParse({ ...rules[0], route: { to: 'nobody' } }).success).toBe(false);
  });
});
