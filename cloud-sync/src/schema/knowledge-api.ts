// The console's knowledge API (supervisors): list the current article versions, publish a new one.
// Pure zod and types; kiosk-ui imports the types only.
import { z } from 'zod';
import type { KnowledgeArticle } from './article.ts';

/** An article as the console edits it: the hub, not the client, chooses the version. */
export type KnowledgeArticleDraft = Omit<KnowledgeArticle, 'version'>;

/**
 * `baseVersion` is the version the supervisor edited (0 for a new article). The hub publishes
 * baseVersion + 1 when that is still the current version, and answers 409 `stale_version` otherwise.
 * `article` is checked against KnowledgeArticleSchema once the version is set.
 */
export const PublishArticleRequestSchema = z.object({
  baseVersion: z.number().int().min(0).max(1_000_000_000),
  article: z.record(z.string(), z.unknown()),
});
export interface PublishArticleRequest {
  baseVersion: number;
  article: KnowledgeArticleDraft;
}

/** GET /api/agent/articles: the newest version of every (id, locale), ordered by id then locale. */
export interface ArticleListResponse {
  articles: KnowledgeArticle[];
}

/** POST /api/agent/articles, 201: the version now on its way to the kiosks. */
export interface PublishArticleResponse {
  outcome: 'published';
  article: KnowledgeArticle;
}
