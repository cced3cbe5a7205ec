// Seeding for the branch-in-a-box simulation. Idempotent: a second start with the same seed finds its
// data and adds nothing.
import { z } from 'zod';
import { KnowledgeArticleSchema, type KnowledgeArticle } from '../schema/article.ts';
import { AgentRoleSchema, type AgentRole } from '../schema/agent-api.ts';
import { KioskIdSchema } from '../schema/change.ts';
import { hashPassword, sha256Hex, verifyPassword } from './crypto.ts';
import type { HubStore } from './store/types.ts';
import { RoutingRuleSchema, type RoutingRule } from '../schema/settings.ts';

export interface HubSeed {
  kiosks?: { id: string; token: string }[];
  agents?: { username: string; password: string; role: AgentRole; displayName: string }[];
  articles?: KnowledgeArticle[];
  /** Published as routing_rule settings (synced to the kiosks); a newer operator version is kept. */
  routingRules?: RoutingRule[];
}

const HubSeedSchema = z.object({
  kiosks: z.array(z.object({ id: KioskIdSchema, token: z.string().min(16).max(512) })).optional(),
  agents: z
    .array(
      z.object({
        username: z.string().min(1).max(64),
        password: z.string().min(8).max(256),
        role: AgentRoleSchema,
        displayName: z.string().min(1).max(100),
      }),
    )
    .optional(),
  articles: z.array(KnowledgeArticleSchema).optional(),
  routingRules: z.array(RoutingRuleSchema).optional(),
});

export interface SeedReport {
  kiosks: number;
  agentsWritten: number;
  articlesPublished: number;
}

export async function applySeed(
  store: HubStore,
  seed: HubSeed,
  passwordIterations: number,
): Promise<SeedReport> {
  const s = HubSeedSchema.parse(seed);
  const report: SeedReport = { kiosks: 0, agentsWritten: 0, articlesPublished: 0 };
  for (const k of s.kiosks ?? []) {
    await store.putKiosk(k.id, await sha256Hex(k.token), 'upsert');
    report.kiosks += 1;
  }
  for (const a of s.agents ?? []) {
    const existing = await store.getAgent(a.username);
    // A supervisor changed it in the console (password reset, disabled, new role): theirs stands.
    if (existing?.changedBy) continue;
    const same =
      existing !== null &&
      existing.role === a.role &&
      existing.displayName === a.displayName &&
      (await verifyPassword(a.password, existing.passwordHash));
    if (same) continue;
    await store.putAgent({
      username: a.username,
      role: a.role,
      displayName: a.displayName,
      passwordHash: await hashPassword(a.password, passwordIterations),
    });
    report.agentsWritten += 1;
  }
  for (const article of s.articles ?? []) {
    const outcome = await store.publishArticle(article);
    if (outcome === 'published') report.articlesPublished += 1;
    else if (outcome === 'conflict') {
      throw new Error(
        `seed article ${article.id} ${article.locale} v${article.version} differs from the stored one`,
      );
    }
  }
  for (const doc of s.routingRules ?? []) {
    // 'stale' (the operator published a newer version) and 'unchanged' are both fine on a re-seed.
    if ((await store.publishSetting({ kind: 'routing_rule', doc })) === 'conflict')
      throw new Error(`seed routing rule ${doc.id} v${doc.version} differs from the stored one`);
  }
  return report;
}
