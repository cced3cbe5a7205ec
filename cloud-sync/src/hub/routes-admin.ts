// Operator routes: publish knowledge articles, enroll kiosks, hold recordings. Guarded by the operator token.
import { audit } from './audit.ts';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { KnowledgeArticleSchema } from '../schema/article.ts';
import { KioskIdSchema } from '../schema/change.ts';
import { ConfigEntrySchema, RoutingRuleSchema, type SettingsDoc } from '../schema/settings.ts';
import { apiError, bearerToken, readJson, tooLarge } from './http-util.ts';
import { randomToken, sha256Hex } from './crypto.ts';
import { publishArticleVersion } from './publish-article.ts';
import type { HubStore, PublishOutcome } from './store/types.ts';
import type { HubEvents } from './events.ts';
import type { HubMetrics } from './metrics.ts';
import { HUB_ROUTES } from '../wire.ts';

const EnrollRequestSchema = z.object({ kioskId: KioskIdSchema });
const HoldRequestSchema = z.object({ hold: z.boolean() });

export function adminRoutes(
  store: HubStore,
  events: HubEvents,
  metrics: HubMetrics,
  operatorToken: string | undefined,
  now: () => number = Date.now,
): Hono {
  const app = new Hono();
  const expected = operatorToken ? sha256Hex(operatorToken) : null;

  app.use('*', bodyLimit({ maxSize: 64 * 1024, onError: (c) => tooLarge(c, 'body too large') }));
  app.use('*', async (c, next) => {
    if (!expected)
      return apiError(c, 403, 'admin_disabled', 'this hub was started without an operator token');
    const token = bearerToken(c.req.header('authorization'));
    // Comparing digests keeps the comparison time independent of the token.
    if (!token || (await sha256Hex(token)) !== (await expected)) {
      return apiError(c, 401, 'unauthorized', 'operator bearer token required');
    }
    await next();
  });

  app.post('/articles', async (c) => {
    const body = await readJson(c, KnowledgeArticleSchema);
    if (!body.ok) return body.response;
    const outcome = await publishArticleVersion(store, events, metrics, body.value);
    const { id, locale, version } = body.value;
    if (outcome === 'published')
      await audit(store, {
        actor: 'operator',
        action: 'article.publish',
        subject: `${id} (${locale})`,
        detail: `version ${version}`,
      });
    if (outcome === 'conflict') {
      return apiError(c, 409, 'version_conflict', `${id} ${locale} v${version} exists with other content`);
    }
    if (outcome === 'stale')
      return apiError(c, 409, 'stale_version', `${id} ${locale} has a version newer than ${version}`);
    return c.json({ outcome, id, locale, version }, outcome === 'published' ? 201 : 200);
  });

  const settingsReply = async (c: Context, outcome: PublishOutcome, doc: SettingsDoc) => {
    const id = doc.kind === 'config' ? doc.doc.key : doc.doc.id;
    const version = doc.doc.version;
    if (outcome === 'published')
      await audit(store, {
        actor: 'operator',
        action: doc.kind === 'config' ? 'config.change' : 'routing.change',
        subject: id,
        detail: `version ${version}`,
      });
    if (outcome === 'conflict')
      return apiError(c, 409, 'version_conflict', `${doc.kind} ${id} v${version} exists with other content`);
    if (outcome === 'stale')
      return apiError(c, 409, 'stale_version', `${doc.kind} ${id} has a version newer than ${version}`);
    if (outcome === 'published') events.publish({ type: 'settings_changed' });
    return c.json({ outcome, kind: doc.kind, id, version }, outcome === 'published' ? 201 : 200);
  };

  app.post('/config', async (c) => {
    const body = await readJson(c, ConfigEntrySchema);
    if (!body.ok) return body.response;
    const doc: SettingsDoc = { kind: 'config', doc: body.value };
    return settingsReply(c, await store.publishSetting(doc), doc);
  });

  app.post('/routing-rules', async (c) => {
    const body = await readJson(c, RoutingRuleSchema);
    if (!body.ok) return body.response;
    const doc: SettingsDoc = { kind: 'routing_rule', doc: body.value };
    return settingsReply(c, await store.publishSetting(doc), doc);
  });

  app.post('/kiosks', async (c) => {
    const body = await readJson(c, EnrollRequestSchema);
    if (!body.ok) return body.response;
    const token = randomToken();
    const created = await store.putKiosk(body.value.kioskId, await sha256Hex(token), 'create');
    if (!created) return apiError(c, 409, 'kiosk_exists', `kiosk ${body.value.kioskId} is already enrolled`);
    // The token is shown once; the hub keeps only its hash.
    return c.json({ kioskId: body.value.kioskId, token }, 201);
  });

  // A legal hold keeps a recording past its retention until the operator lifts it.
  app.post(`${HUB_ROUTES.admin.recordings}/:id/hold`, async (c) => {
    const body = await readJson(c, HoldRequestSchema);
    if (!body.ok) return body.response;
    const id = c.req.param('id');
    if (!(await store.recordings.setHold(id, body.value.hold)))
      return apiError(c, 404, 'not_found', `no recording ${id}`);
    await audit(
      store,
      {
        actor: 'operator',
        action: 'recording.hold',
        subject: id,
        detail: body.value.hold ? 'set' : 'lifted',
      },
      new Date(now()),
    );
    return c.json({ id, legalHold: body.value.hold });
  });

  return app;
}
