// The one path by which an article version reaches the kiosks, shared by the operator API and the
// supervisors' console API: store it, count it, and nudge every kiosk (and, on PostgreSQL, every instance).
import type { KnowledgeArticle } from '../schema/article.ts';
import type { HubEvents } from './events.ts';
import type { HubMetrics } from './metrics.ts';
import type { HubStore, PublishOutcome } from './store/types.ts';

export async function publishArticleVersion(
  store: HubStore,
  events: HubEvents,
  metrics: HubMetrics,
  article: KnowledgeArticle,
): Promise<PublishOutcome> {
  const outcome = await store.publishArticle(article);
  if (outcome === 'published') {
    metrics.articlesPublished += 1;
    // A hint only: kiosks answer it with an ordinary pull from their own checkpoint.
    events.publish({ type: 'articles_changed', checkpoint: '' });
  }
  return outcome;
}
