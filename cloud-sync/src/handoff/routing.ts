// Four-tier routing of a handoff request: bot, general agents, the expert team (VIP customers), risk and
// compliance (complaints, suspected fraud). The rules are data (settings sync: routing_rule documents
// the operator publishes); these defaults apply while the hub holds none. Pure logic.
import { matchRoutingRule, type RoutingRule } from '../schema/settings.ts';
import type { HandoffRequest, QueueName } from '../schema/handoff.ts';

export type HandoffRoute = 'bot' | QueueName;

export interface RouteDecision {
  route: HandoffRoute;
  /** The rule that decided, or null for the fallback (general agents). */
  ruleId: string | null;
}

const rule = (
  id: string,
  priority: number,
  match: RoutingRule['match'],
  to: RoutingRule['route']['to'],
  description: string,
): RoutingRule => ({ id, version: 1, enabled: true, priority, match, route: { to }, description });

/** The built-in table, published to the kiosks by the launcher's seed so operators see and edit it. */
export const DEFAULT_HANDOFF_RULES: readonly RoutingRule[] = [
  rule(
    'risk-intents',
    10,
    { intents: ['complaint', 'fraud', 'card_stolen', 'dispute', 'unauthorised_transaction'] },
    'risk',
    'complaints and suspected fraud by intent go to risk and compliance',
  ),
  rule(
    'risk-keywords',
    20,
    {
      keywords: [
        'fraud',
        'scam',
        'stolen',
        'complain',
        'unauthorised',
        '投诉',
        '诈骗',
        '盗刷',
        '被骗',
        '冒用',
      ],
    },
    'risk',
    "complaints and suspected fraud in the customer's own words go to risk and compliance",
  ),
  rule(
    'risk-angry',
    30,
    { emotions: ['angry'], negativeCue: true },
    'risk',
    'a customer angry for a sustained time goes to risk and compliance',
  ),
  rule(
    'vip-expert',
    40,
    { customerTiers: ['vip'] },
    'expert',
    'VIP customers go straight to the expert team',
  ),
  rule(
    'bot-simple',
    90,
    { intents: ['opening_hours', 'branch_info', 'exchange_rate', 'greeting'], reasons: ['low_confidence'] },
    'bot',
    'simple intents stay with the bot unless the customer asks for a person',
  ),
];

const QUEUE_OF: Record<RoutingRule['route']['to'], HandoffRoute> = {
  bot: 'bot',
  agent: 'agent',
  expert: 'expert',
  risk: 'risk',
  // A rule may name the supervisor; supervisors take calls from every queue, so it lands with experts.
  supervisor: 'expert',
};

/**
 * Where this request goes. A customer who asked for a person is never sent back to the bot: a bot
 * rule then falls through to the general agents.
 */
export function routeHandoff(rules: readonly RoutingRule[], req: HandoffRequest): RouteDecision {
  const table = rules.length > 0 ? rules : DEFAULT_HANDOFF_RULES;
  const matched = matchRoutingRule(table, {
    ...(req.intent !== undefined ? { intent: req.intent } : {}),
    locale: req.locale,
    ...(req.emotion !== undefined ? { emotion: req.emotion } : {}),
    ...(req.customer ? { customerTier: req.customer.tier } : {}),
    ...(req.lastCustomerText !== undefined ? { text: req.lastCustomerText } : {}),
    reason: req.reason,
    negativeCue: req.negativeCue ?? false,
  });
  if (!matched) return { route: 'agent', ruleId: null };
  const route = QUEUE_OF[matched.route.to];
  if (route === 'bot' && req.reason === 'customer_request') return { route: 'agent', ruleId: matched.id };
  return { route, ruleId: matched.id };
}

/** The newest version of each rule from a stream of routing_rule documents (any order). */
export function currentRules(docs: readonly RoutingRule[]): RoutingRule[] {
  const newest = new Map<string, RoutingRule>();
  for (const d of docs) if ((newest.get(d.id)?.version ?? 0) < d.version) newest.set(d.id, d);
  return [...newest.values()];
}
