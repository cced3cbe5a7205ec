// The routing table, tier by tier, on the default rules and on operator rules.
import { describe, expect, it } from 'vitest';
import type { HandoffRequest } from '../schema/handoff.ts';
import type { RoutingRule } from '../schema/settings.ts';
import { DEFAULT_HANDOFF_RULES, currentRules, routeHandoff } from './routing.ts';

const base: HandoffRequest = { sessionId: 's1', locale: 'en', reason: 'customer_request' };
const route = (extra: Partial<HandoffRequest>, rules: readonly RoutingRule[] = []) =>
  routeHandoff(rules, { ...base, ...extra });

describe('routeHandoff on the default table', () => {
  it('keeps a simple intent with the bot when the bot was unsure', () => {
    expect(route({ reason: 'low_confidence', intent: 'opening_hours' })).toEqual({
      route: 'bot',
      ruleId: 'bot-simple',
    });
  });

  it('sends the same simple intent to a person when the customer asks for one', () => {
    expect(route({ intent: 'opening_hours' })).toEqual({ route: 'agent', ruleId: null });
  });

  it('sends an ordinary request to the general agents', () => {
    expect(route({ intent: 'loan_enquiry', reason: 'low_confidence' }).route).toBe('agent');
  });

  it('sends a VIP customer straight to the expert team', () => {
    expect(route({ intent: 'loan_enquiry', customer: { tier: 'vip', riskRating: 'C3' } })).toEqual({
      route: 'expert',
      ruleId: 'vip-expert',
    });
    expect(route({ customer: { tier: 'standard' } }).route).toBe('agent');
  });

  it('sends complaints and suspected fraud to risk and compliance, even for a VIP', () => {
    const vip = { customer: { tier: 'vip' as const } };
    expect(route({ ...vip, intent: 'complaint' }).route).toBe('risk');
    expect(route({ lastCustomerText: 'I think this is a SCAM' }).ruleId).toBe('risk-keywords');
    expect(route({ lastCustomerText: '我的卡被盗刷了' }).route).toBe('risk');
    expect(route({ emotion: 'angry', negativeCue: true }).ruleId).toBe('risk-angry');
    // A single angry glance is not a sustained cue.
    expect(route({ emotion: 'angry' }).route).toBe('agent');
  });
});

describe('routeHandoff on operator rules', () => {
  const rules: RoutingRule[] = [
    {
      id: 'all-to-experts',
      version: 1,
      enabled: true,
      priority: 5,
      match: { locales: ['zh-CN'] },
      route: { to: 'expert' },
    },
    { id: 'bot-all', version: 1, enabled: true, priority: 9, match: {}, route: { to: 'bot' } },
  ];

  it('uses the published rules instead of the defaults', () => {
    expect(route({ locale: 'zh-CN', intent: 'complaint' }, rules).route).toBe('expert');
    expect(route({ reason: 'low_confidence', intent: 'complaint' }, rules).route).toBe('bot');
  });

  it('keeps the newest version of each rule', () => {
    const v2 = { ...rules[0]!, version: 2, enabled: false };
    expect(currentRules([v2, rules[0]!, rules[1]!]).map((r) => [r.id, r.version])).toEqual([
      ['all-to-experts', 2],
      ['bot-all', 1],
    ]);
    expect(
      route({ locale: 'zh-CN', reason: 'low_confidence' }, currentRules([rules[0]!, v2, rules[1]!])).route,
    ).toBe('bot');
  });

  it('the defaults are valid routing_rule documents', async () => {
    const { RoutingRuleSchema } = await import('../schema/settings.ts');
    for (const r of DEFAULT_HANDOFF_RULES) expect(RoutingRuleSchema.parse(r)).toEqual(r);
  });
});
