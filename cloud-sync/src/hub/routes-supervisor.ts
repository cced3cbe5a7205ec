// The supervisor's desk (GET /api/agent/supervisor/...), behind the agent sign-in and for the supervisor
// role only: the live wallboard, quality scores of recorded calls (stored and reported per agent, each
// score in the audit log) and the CSV export of calls, tickets and scores for a date range (audited).
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ulid } from 'ulid';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import {
  EXPORT_KINDS,
  MAX_EXPORT_DAYS,
  QualityScoreInputSchema,
  WALLBOARD_WINDOWS,
  scorePercent,
  type ExportKind,
  type QualityReportResponse,
  type QualityScore,
  type WallboardWindow,
} from '../schema/supervisor-api.ts';
import { audit } from './audit.ts';
import { buildExport, ExportTooLargeError, type CsvExport } from './csv-export.ts';
import { apiError, readJson, tooLarge } from './http-util.ts';
import type { AgentSession, HubStore } from './store/types.ts';
import { wallboard } from './wallboard.ts';
import { listenInRoutes } from './routes-listen-in.ts';

type Env = { Variables: { agent: AgentSession } };

export const SUPERVISOR_ROLE = 'supervisor';
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface SupervisorRouteOptions {
  /** The handoff core's clock (the call events' stamps). */
  now: () => number;
  /** Default answer threshold of the service level, in seconds; `?sl=` overrides it per request. */
  serviceLevelS: number;
}

/** `from`..`to` as whole UTC days (both included) → [since, until) ISO; an error message otherwise. */
export function dayRange(from: string | undefined, to: string | undefined): [string, string] | string {
  if (!from || !to || !DATE.test(from) || !DATE.test(to)) return 'from and to must be dates (YYYY-MM-DD)';
  const since = Date.parse(`${from}T00:00:00.000Z`);
  const until = Date.parse(`${to}T00:00:00.000Z`) + DAY_MS;
  if (Number.isNaN(since) || Number.isNaN(until) || until <= since) return 'from must not be after to';
  if (until - since > MAX_EXPORT_DAYS * DAY_MS) return `a range covers at most ${MAX_EXPORT_DAYS} days`;
  return [new Date(since).toISOString(), new Date(until).toISOString()];
}

export function supervisorRoutes(store: HubStore, handoff: HandoffHub, o: SupervisorRouteOptions): Hono<Env> {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    const role = c.get('agent').role;
    if (role !== SUPERVISOR_ROLE)
      return apiError(
        c,
        403,
        'forbidden',
        `the supervisor's desk needs the supervisor role (you are ${role})`,
      );
    await next();
  });
  // Listen-in: live calls, listen, step in (routes-listen-in.ts), behind the same role check.
  app.route('/calls', listenInRoutes(handoff));

  app.get('/wallboard', async (c) => {
    const window = c.req.query('window') ?? 'hour';
    if (!(window in WALLBOARD_WINDOWS))
      return apiError(c, 400, 'invalid_query', 'window must be hour, day or week');
    const sl = c.req.query('sl');
    const serviceLevelS = sl === undefined ? o.serviceLevelS : Number(sl);
    if (!Number.isInteger(serviceLevelS) || serviceLevelS < 1 || serviceLevelS > 3600)
      return apiError(c, 400, 'invalid_query', 'sl must be a whole number of seconds from 1 to 3600');
    return c.json(await wallboard(store, handoff, o.now(), window as WallboardWindow, serviceLevelS));
  });

  app.post(
    '/scores',
    bodyLimit({ maxSize: 8 * 1024, onError: (c) => tooLarge(c, 'score sheet too large') }),
    async (c) => {
      const body = await readJson(c, QualityScoreInputSchema);
      if (!body.ok) return body.response;
      const recording = await store.recordings.get(body.value.recordingId);
      if (!recording) return apiError(c, 404, 'not_found', 'no such recording');
      const scorer = c.get('agent').username;
      const { recordingId, greeting, identityCheck, suitability, resolution, notes } = body.value;
      const marks = { greeting, identityCheck, suitability, resolution };
      const score: QualityScore = {
        id: ulid(),
        recordingId,
        handoffId: recording.handoffId,
        agent: recording.agent,
        scorer,
        at: new Date(o.now()).toISOString(),
        ...marks,
        notes,
        percent: scorePercent(marks),
      };
      await store.supervisor.scores.add(score);
      await audit(
        store,
        {
          actor: scorer,
          action: 'quality.score',
          subject: recordingId,
          kioskId: recording.kioskId,
          detail: `agent ${recording.agent}: ${score.percent}%`,
        },
        new Date(o.now()),
      );
      return c.json({ score }, 201);
    },
  );

  app.get('/scores', async (c) => {
    const days = Number(c.req.query('days') ?? 30);
    if (!Number.isInteger(days) || days < 1 || days > MAX_EXPORT_DAYS)
      return apiError(c, 400, 'invalid_query', `days must be a whole number from 1 to ${MAX_EXPORT_DAYS}`);
    const now = o.now();
    const since = new Date(now - days * DAY_MS).toISOString();
    const until = new Date(now + 1).toISOString();
    const answer: QualityReportResponse = {
      since,
      until,
      agents: await store.supervisor.scores.perAgent(since, until),
      recent: await store.supervisor.scores.recent(20),
    };
    return c.json(answer);
  });

  app.get('/export/:kind', async (c) => {
    const kind = c.req.param('kind') as ExportKind;
    if (!EXPORT_KINDS.includes(kind))
      return apiError(c, 404, 'not_found', `export one of: ${EXPORT_KINDS.join(', ')}`);
    const range = dayRange(c.req.query('from'), c.req.query('to'));
    if (typeof range === 'string') return apiError(c, 400, 'invalid_query', range);
    const [since, until] = range;
    let out: CsvExport;
    try {
      out = await buildExport(store, kind, since, until);
    } catch (err) {
      if (err instanceof ExportTooLargeError) return apiError(c, 413, 'export_too_large', err.message);
      throw err;
    }
    // Calls and tickets are customers' records: the export is a read, in the log before it leaves.
    await audit(store, {
      actor: c.get('agent').username,
      action: 'export.csv',
      subject: kind,
      detail: `${since}..${until}: ${out.rows} rows`,
    });
    const name = `${kind}-${c.req.query('from')}-${c.req.query('to')}.csv`;
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="${name}"`);
    c.header('cache-control', 'no-store');
    return c.body(out.csv);
  });
  return app;
}
