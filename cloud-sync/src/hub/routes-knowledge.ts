// Supervisors' knowledge API in the console: list the current article versions and publish a new one.
// The hub picks the version (the edited one + 1); an edit of an outdated version is refused, so two
// supervisors cannot overwrite each other unseen. Mounted behind the agent sign-in (routes-agent.ts).
import { audit } from './audit.ts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { KnowledgeArticleSchema } from '../schema/article.ts';
import {
  PublishArticleRequestSchema,
  type ArticleListResponse,
  type PublishArticleResponse,
} from '../schema/knowledge-api.ts';
import type { Logger } from '../logger.ts';
import type { HubEvents } from './events.ts';
import { apiError, invalidBody, readJson, tooLarge } from './http-util.ts';
import type { HubMetrics } from './metrics.ts';
import { publishArticleVersion } from './publish-article.ts';
import type { AgentSession, HubStore } from './store/types.ts';

type Env = { Variables: { agent: AgentSession } };

/** The console role that stands for the operator: only it edits what every kiosk tells customers. */
export const KNOWLEDGE_ROLE = 'supervisor';

export function knowledgeRoutes(
  store: HubStore,
  events: HubEvents,
  metrics: HubMetrics,
  log: Logger,
): Hono<Env> {
  const app = new Hono<Env>();

  app.use(
    '*',
    createMiddleware<Env>(async (c, next) => {
      const role = c.get('agent').role;
      if (role !== KNOWLEDGE_ROLE) {
        return apiError(
          c,
          403,
          'forbidden',
          `knowledge articles need the ${KNOWLEDGE_ROLE} role (you are ${role})`,
        );
      }
      await next();
    }),
  );

  app.get('/', async (c) => {
    const response: ArticleListResponse = { articles: await store.currentArticles() };
    return c.json(response);
  });

  app.post(
    '/',
    // An article body may be 20,000 characters, up to 4 bytes each in UTF-8, plus JSON escaping.
    bodyLimit({ maxSize: 128 * 1024, onError: (c) => tooLarge(c, 'article too large') }),
    async (c) => {
      const body = await readJson(c, PublishArticleRequestSchema);
      if (!body.ok) return body.response;
      const { baseVersion } = body.value;
      // Whatever version the client sent is replaced: the hub numbers the versions.
      const parsed = KnowledgeArticleSchema.safeParse({ ...body.value.article, version: baseVersion + 1 });
      if (!parsed.success) return invalidBody(c, parsed.error, 'article');
      const article = parsed.data;
      const { id, locale } = article;
      const current = await store.currentArticleVersion(id, locale);
      if (current !== baseVersion) {
        const now = current === 0 ? 'does not exist' : `is at version ${current}`;
        return apiError(
          c,
          409,
          'stale_version',
          `${id} (${locale}) ${now}, but the edit was made on version ${baseVersion}: reload it and edit again`,
          { currentVersion: current },
        );
      }
      const outcome = await publishArticleVersion(store, events, metrics, article);
      if (outcome !== 'published') {
        // Another publish of the same article committed between the check and ours: nothing written.
        const latest = await store.currentArticleVersion(id, locale);
        return apiError(
          c,
          409,
          'stale_version',
          `${id} (${locale}) was published as version ${latest} meanwhile: reload it and edit again`,
          { currentVersion: latest },
        );
      }
      log.info(
        { event: 'hub.article_published', id, locale, version: article.version, by: c.get('agent').username },
        'knowledge article published from the console',
      );
      await audit(store, {
        actor: c.get('agent').username,
        action: 'article.publish',
        subject: `${id} (${locale})`,
        detail: `version ${article.version}`,
      });
      const response: PublishArticleResponse = { outcome: 'published', article };
      return c.json(response, 201);
    },
  );

  return app;
}
