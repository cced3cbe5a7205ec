// Kiosk-facing routes: push changes up, pull knowledge down. Every request carries the kiosk's token.
import { auditOfChanges } from './audit.ts';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Hlc } from '../schema/hlc.ts';
import { CheckpointSchema, PushRequestSchema, SYNC_LIMITS, type PushResponse } from '../schema/change.ts';
import type { SettingsPullResponse } from '../schema/settings.ts';
import { apiError, bearerToken, readJson, tooLarge } from './http-util.ts';
import { sha256Hex } from './crypto.ts';
import { OwnershipError, type HubStore } from './store/types.ts';
import type { HubMetrics } from './metrics.ts';
import { HUB_ROUTES } from '../wire.ts';

type Env = { Variables: { kioskId: string } };

/** The kiosk a bearer token belongs to, or null. Shared with the realtime upgrade of the Node entry. */
export async function authenticateKiosk(store: HubStore, authorization: string | null | undefined) {
  const token = bearerToken(authorization);
  if (!token) return null;
  return store.findKioskByTokenHash(await sha256Hex(token));
}

export function syncRoutes(store: HubStore, metrics: HubMetrics, hlc: Hlc): Hono<Env> {
  const app = new Hono<Env>();

  app.use('*', async (c, next) => {
    const kiosk = await authenticateKiosk(store, c.req.header('authorization'));
    if (!kiosk) return apiError(c, 401, 'unauthorized', 'a valid kiosk bearer token is required');
    c.set('kioskId', kiosk.id);
    await next();
  });

  app.post(
    HUB_ROUTES.sync.push,
    bodyLimit({
      maxSize: SYNC_LIMITS.maxPushBytes,
      onError: (c) => tooLarge(c, `push body exceeds ${SYNC_LIMITS.maxPushBytes} bytes`),
    }),
    async (c) => {
      const kioskId = c.get('kioskId');
      const body = await readJson(c, PushRequestSchema);
      if (!body.ok) return body.response;
      const { changes } = body.value;
      const foreign = changes.find(
        (ch) => ch.kioskId !== kioskId || ('kioskId' in ch.data && ch.data.kioskId !== kioskId),
      );
      if (foreign) {
        return apiError(
          c,
          403,
          'foreign_kiosk',
          `change ${foreign.id} is not for kiosk ${kioskId}; nothing applied`,
        );
      }
      // A kiosk whose clock runs far ahead must not drag the hub's clock with it, nor win every merge
      // until its clock is fixed: such a change is re-stamped with the hub's time (the receipt) and
      // still accepted, since refusing it would strand it in the outbox for good.
      for (const ch of changes) {
        try {
          hlc.receive(ch.hlc);
        } catch {
          metrics.clockDriftRejected += 1;
          ch.hlc = Hlc.serialize(hlc.now());
        }
      }
      const latest = hlc.now();
      let result;
      try {
        result = await store.applyChanges(kioskId, changes);
      } catch (err) {
        if (err instanceof OwnershipError) {
          return apiError(c, 403, 'foreign_record', `${err.message}; nothing applied`);
        }
        throw err;
      }
      // Kiosk-reported acts (safety resets) join the audit log; keyed by event id, so once only.
      const applied = new Set(result.applied);
      for (const entry of auditOfChanges(changes.filter((ch) => applied.has(ch.id))))
        await store.appendAudit(entry);
      metrics.changesApplied += result.applied.length;
      metrics.changesDuplicate += result.duplicates.length;
      const response: PushResponse = { ...result, hlc: Hlc.serialize(latest) };
      return c.json(response);
    },
  );

  app.get(HUB_ROUTES.sync.pull, async (c) => {
    const since = CheckpointSchema.safeParse(c.req.query('since') ?? '');
    if (!since.success)
      return apiError(c, 400, 'bad_checkpoint', 'since must be a checkpoint from an earlier pull');
    const page = await store.articlesSince(since.data, SYNC_LIMITS.maxPullArticles);
    return c.json(page);
  });

  // Configuration and routing rules for this kiosk (fleet-wide and its own), same paging as /pull.
  app.get(HUB_ROUTES.sync.settings, async (c) => {
    const since = CheckpointSchema.safeParse(c.req.query('since') ?? '');
    if (!since.success)
      return apiError(c, 400, 'bad_checkpoint', 'since must be a checkpoint from an earlier pull');
    const page = await store.settingsSince(c.get('kioskId'), since.data, SYNC_LIMITS.maxPullArticles);
    const response: SettingsPullResponse = page;
    return c.json(response);
  });

  return app;
}
