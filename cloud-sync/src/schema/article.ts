// Knowledge-base articles published at the hub and replicated down to kiosks. Pure zod.
import { z } from 'zod';
import { LocaleSchema } from './conversation.ts';
import { DocVersionSchema } from './doc-version.ts';

export const ProductRiskLevelSchema = z.enum(['R1', 'R2', 'R3', 'R4', 'R5']);
export type ProductRiskLevel = z.infer<typeof ProductRiskLevelSchema>;

export const KnowledgeArticleSchema = z
  .object({
    /** Stable id shared by every version and both locales of one article. */
    id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, ".", "_" and "-"'),
    version: DocVersionSchema,
    locale: LocaleSchema,
    title: z.string().min(1).max(200),
    body: z.string().min(1).max(20_000),
    tags: z.array(z.string().min(1).max(40)).max(20),
    effectiveFrom: z.iso.datetime(),
    effectiveTo: z.iso.datetime().optional(),
    /** Set on wealth-product articles: the bot must check suitability before recommending. */
    productRiskLevel: ProductRiskLevelSchema.optional(),
    /** Questions as customers ask them; the kiosk's intent classifier learns from these. Optional: older
     * versions have none. */
    exampleQuestions: z.array(z.string().min(1).max(200)).max(60).optional(),
    /** Other words customers use for this topic (colloquial names, abbreviations), matched by retrieval. */
    synonyms: z.array(z.string().min(1).max(60)).max(40).optional(),
  })
  .refine((a) => a.effectiveTo === undefined || Date.parse(a.effectiveTo) > Date.parse(a.effectiveFrom), {
    message: 'effectiveTo must be after effectiveFrom',
    path: ['effectiveTo'],
  });
export type KnowledgeArticle = z.infer<typeof KnowledgeArticleSchema>;

/** True when the article is in effect at the given time. */
export function isArticleInEffect(a: KnowledgeArticle, at: Date = new Date()): boolean {
  const t = at.getTime();
  return Date.parse(a.effectiveFrom) <= t && (a.effectiveTo === undefined || t < Date.parse(a.effectiveTo));
}
