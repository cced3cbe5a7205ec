// Supervisors' view of what the kiosks could not answer: missed and asked-back questions per best-guess
// topic and locale over the last `days` (1..90, default 7). The examples are customers' own words from
// every kiosk's conversations, so the read is in the audit log like any conversation read, before the
// answer leaves. Mounted behind the agent sign-in (routes-agent.ts).
import { Hono } from 'hono';
import { audit } from './audit.ts';
import { apiError } from './http-util.ts';
import { KNOWLEDGE_ROLE } from './routes-knowledge.ts';
import {
  MAX_MISSES_DAYS,
  MISSED_EXAMPLES_PER_TOPIC,
  type MissedQuestionsResponse,
} from '../schema/misses-api.ts';
import type { AgentSession, HubStore } from './store/types.ts';

type Env = { Variables: { agent: AgentSession } };

const DAY_MS = 24 * 60 * 60 * 1000;

export function missesRoutes(store: HubStore, now: () => number): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/', async (c) => {
    const agent = c.get('agent');
    if (agent.role !== KNOWLEDGE_ROLE)
      return apiError(
        c,
        403,
        'forbidden',
        `missed questions need the ${KNOWLEDGE_ROLE} role (you are ${agent.role})`,
      );
    const asked = c.req.query('days');
    const days = asked === undefined ? 7 : Number(asked);
    if (!Number.isInteger(days) || days < 1 || days > MAX_MISSES_DAYS)
      return apiError(c, 400, 'invalid_query', `days must be a whole number from 1 to ${MAX_MISSES_DAYS}`);
    const until = new Date(now());
    const since = new Date(until.getTime() - days * DAY_MS);
    const topics = await store.missedQuestions(
      since.toISOString(),
      // Half-open window: a question stamped this very millisecond still counts.
      new Date(until.getTime() + 1).toISOString(),
      MISSED_EXAMPLES_PER_TOPIC,
    );
    const examples = topics.reduce((n, t) => n + t.examples.length, 0);
    await audit(store, {
      actor: agent.username,
      action: 'misses.read',
      subject: 'missed questions',
      detail: `last ${days} days: ${topics.length} topics, ${examples} example questions`,
    });
    const response: MissedQuestionsResponse = {
      since: since.toISOString(),
      until: until.toISOString(),
      topics,
    };
    return c.json(response);
  });
  return app;
}
