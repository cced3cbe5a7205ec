// Downstream settings published at the hub and replicated to kiosks next to the knowledge base:
// configuration entries and routing rules. Both are versioned per id (and per kiosk scope for
// configuration); a kiosk keeps the newest version of each. Pure zod.
import { z } from 'zod';
import { LocaleSchema } from './conversation.ts';
import { ProductRiskLevelSchema } from './article.ts';
import { DocVersionSchema } from './doc-version.ts';

const DocIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" and "-"');

const JsonValueSchema: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string().max(2000),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValueSchema).max(100),
    z.record(z.string().max(64), JsonValueSchema),
  ]),
);

/** One configuration value, e.g. `idle.timeout_s` = 90. `kioskId` scopes it to one kiosk. */
export const ConfigEntrySchema = z.object({
  key: DocIdSchema,
  version: DocVersionSchema,
  value: JsonValueSchema,
  /** Absent: every kiosk. Set: only that kiosk, and it overrides the fleet-wide entry. */
  kioskId: z.string().min(1).max(64).optional(),
  description: z.string().max(500).optional(),
});
export type ConfigEntry = z.infer<typeof ConfigEntrySchema>;

export const RouteTargetSchema = z.enum(['bot', 'agent', 'expert', 'risk', 'supervisor']);
export type RouteTarget = z.infer<typeof RouteTargetSchema>;

const RISK_ORDER = ProductRiskLevelSchema.options;

/** Where a conversation goes. The first enabled rule (lowest priority number) whose match holds wins. */
export const RoutingRuleSchema = z.object({
  id: DocIdSchema,
  version: DocVersionSchema,
  enabled: z.boolean(),
  priority: z.number().int().min(0).max(10_000),
  match: z.object({
    intents: z.array(z.string().min(1).max(64)).max(50).optional(),
    locales: z.array(LocaleSchema).optional(),
    /** Matches when the product discussed is at least this risky. */
    minRiskLevel: ProductRiskLevelSchema.optional(),
    emotions: z.array(z.string().min(1).max(32)).max(20).optional(),
    /** Handoff routing (issue 8): the customer's tier from their card profile. */
    customerTiers: z
      .array(z.enum(['standard', 'vip']))
      .max(2)
      .optional(),
    /** Matches when the customer's last words contain any of these (case-insensitive). */
    keywords: z.array(z.string().min(1).max(40)).max(100).optional(),
    /** Why the kiosk asks: customer_request, low_confidence, negative_cue. */
    reasons: z
      .array(z.enum(['customer_request', 'low_confidence', 'negative_cue']))
      .max(3)
      .optional(),
    /** Matches when a sustained negative emotion cue is flagged. */
    negativeCue: z.boolean().optional(),
  }),
  route: z.object({ to: RouteTargetSchema, queue: z.string().max(64).optional() }),
  description: z.string().max(500).optional(),
});
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

export interface RoutingContext {
  intent?: string;
  locale?: z.infer<typeof LocaleSchema>;
  riskLevel?: z.infer<typeof ProductRiskLevelSchema>;
  emotion?: string;
  customerTier?: 'standard' | 'vip';
  /** Free text the keywords are searched in. */
  text?: string;
  reason?: 'customer_request' | 'low_confidence' | 'negative_cue';
  negativeCue?: boolean;
}

/** The rule that routes this conversation, or null (the caller's default applies). */
export function matchRoutingRule(rules: readonly RoutingRule[], ctx: RoutingContext): RoutingRule | null {
  const ordered = rules
    .filter((r) => r.enabled)
    .sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
  for (const r of ordered) {
    const m = r.match;
    if (m.intents && (!ctx.intent || !m.intents.includes(ctx.intent))) continue;
    if (m.locales && (!ctx.locale || !m.locales.includes(ctx.locale))) continue;
    if (m.emotions && (!ctx.emotion || !m.emotions.includes(ctx.emotion))) continue;
    if (m.customerTiers && (!ctx.customerTier || !m.customerTiers.includes(ctx.customerTier))) continue;
    if (m.reasons && (!ctx.reason || !m.reasons.includes(ctx.reason))) continue;
    if (m.negativeCue !== undefined && (ctx.negativeCue ?? false) !== m.negativeCue) continue;
    if (m.keywords && !containsAny(ctx.text, m.keywords)) continue;
    if (
      m.minRiskLevel &&
      (!ctx.riskLevel || RISK_ORDER.indexOf(ctx.riskLevel) < RISK_ORDER.indexOf(m.minRiskLevel))
    )
      continue;
    return r;
  }
  return null;
}

function containsAny(text: string | undefined, keywords: readonly string[]): boolean {
  if (!text) return false;
  const hay = text.toLowerCase();
  return keywords.some((k) => hay.includes(k.toLowerCase()));
}

/** One downstream settings document as stored and pulled. */
export const SettingsDocSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('config'), doc: ConfigEntrySchema }),
  z.object({ kind: z.literal('routing_rule'), doc: RoutingRuleSchema }),
]);
export type SettingsDoc = z.infer<typeof SettingsDocSchema>;

export const SettingsPullResponseSchema = z.object({
  docs: z.array(SettingsDocSchema).max(200),
  checkpoint: z.string().max(200).regex(/^\d*$/),
  hasMore: z.boolean(),
});
export type SettingsPullResponse = z.infer<typeof SettingsPullResponseSchema>;

/** The identity a settings document is versioned under: kind, id, and scope ('' = every kiosk). */
export function settingsIdentity(d: SettingsDoc): { kind: SettingsDoc['kind']; id: string; scope: string } {
  return d.kind === 'config'
    ? { kind: 'config', id: d.doc.key, scope: d.doc.kioskId ?? '' }
    : { kind: 'routing_rule', id: d.doc.id, scope: '' };
}
