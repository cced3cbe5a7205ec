// The hub's HTTP routes as the fuzz tests see them: each route with its method, the credential that
// lets a request past its guard, and valid bodies for the fuzzer to mutate. Paths come from wire.ts.
import { ulid } from 'ulid';
import { Hlc, HUB_MOUNTS, HUB_PATHS } from '../../src/index.ts';
import { AGENT, KIOSK_A } from '../helpers.ts';
import { ticketCreate } from './store-contract-extra.ts';

/** Which bearer token a route's guard wants. */
export type Credential = 'kiosk' | 'agent' | 'supervisor' | 'operator' | 'spare' | 'none';

export interface FuzzRoute {
  method: string;
  path: string;
  credential: Credential;
  /** Valid bodies (mutated by the fuzzer); none for a route without a body. */
  samples: unknown[];
}

const T0 = '2026-11-25T10:00:00.000Z';
const clock = new Hlc(KIOSK_A.id);
const change = (entity: string, data: { id: string }) => ({
  id: ulid(),
  kioskId: KIOSK_A.id,
  entity,
  entityId: data.id,
  op: 'upsert',
  hlc: Hlc.serialize(clock.now()),
  data,
});

const conversationId = 'c-fuzz-1';
/** Ids of records that exist (after PUSH_SAMPLES), for the routes' `:id`. */
export const KNOWN_IDS = [conversationId, 't-fuzz-1', 'faq-fuzz'];
const article = {
  id: 'faq-fuzz',
  version: 1,
  locale: 'en',
  title: 'Fuzzed',
  body: 'An article the fuzzer mutates.',
  tags: ['fuzz'],
  effectiveFrom: T0,
  exampleQuestions: ['what is this?'],
};

const { version: _version, ...articleDraft } = article;

/** Valid pushes of each entity; the fuzz pushes them first, so the ids below name records. */
export const PUSH_SAMPLES = [
  {
    changes: [
      change('conversation', { id: conversationId, kioskId: KIOSK_A.id, locale: 'en', startedAt: T0 } as {
        id: string;
      }),
    ],
  },
  {
    changes: [
      change('message', { id: 'm-fuzz-1', conversationId, role: 'customer', text: 'hello', at: T0 } as {
        id: string;
      }),
    ],
  },
  { changes: [change('ticket', ticketCreate('t-fuzz-1', KIOSK_A.id))] },
  {
    changes: [
      change('device_event', {
        id: 'e-fuzz-1',
        kioskId: KIOSK_A.id,
        at: T0,
        source: 'safety',
        type: 'safety.reset',
        severity: 'info',
        message: 'reset',
        data: { by: 'tech' },
      } as { id: string }),
    ],
  },
  {
    changes: [
      change('health', {
        id: 'h-fuzz-1',
        kioskId: KIOSK_A.id,
        at: T0,
        uptimeS: 10,
        devices: { arm: { status: 'ok' } },
      } as { id: string }),
    ],
  },
];

export const HUB_ROUTES_UNDER_FUZZ: FuzzRoute[] = [
  { method: 'GET', path: '/healthz', credential: 'none', samples: [] },
  { method: 'GET', path: '/metrics', credential: 'none', samples: [] },
  {
    method: 'POST',
    path: HUB_PATHS.agentLogin,
    credential: 'none',
    samples: [AGENT, { username: 'nobody', password: 'x' }],
  },
  { method: 'POST', path: HUB_PATHS.syncPush, credential: 'kiosk', samples: PUSH_SAMPLES },
  { method: 'GET', path: HUB_PATHS.syncPull, credential: 'kiosk', samples: [] },
  { method: 'GET', path: HUB_PATHS.syncSettings, credential: 'kiosk', samples: [] },
  {
    method: 'POST',
    path: HUB_PATHS.handoffRequests,
    credential: 'kiosk',
    samples: [
      {
        sessionId: conversationId,
        locale: 'en',
        reason: 'customer_request',
        intent: 'complaint',
        botConfidence: 0.4,
        lastCustomerText: 'I want a person',
        customer: { tier: 'vip', riskRating: 'C3' },
        maskedPan: '411111******1111',
        priorityBoost: 2,
        cues: [{ at: T0, label: 'tense', confidence: 0.7 }],
      },
    ],
  },
  { method: 'POST', path: HUB_PATHS.agentLogout, credential: 'spare', samples: [] },
  { method: 'GET', path: HUB_PATHS.agentConversations, credential: 'agent', samples: [] },
  { method: 'GET', path: `${HUB_PATHS.agentConversations}/:id`, credential: 'supervisor', samples: [] },
  { method: 'GET', path: HUB_PATHS.agentTickets, credential: 'agent', samples: [] },
  { method: 'GET', path: `${HUB_PATHS.agentTickets}/:id`, credential: 'supervisor', samples: [] },
  {
    method: 'POST',
    path: `${HUB_PATHS.agentTickets}/:id`,
    credential: 'supervisor',
    samples: [{ status: 'in_progress', priority: 'low', assignee: AGENT.username, comment: 'on it' }],
  },
  {
    method: 'POST',
    path: HUB_PATHS.agentTickets,
    credential: 'supervisor',
    samples: [{ title: 'Fuzzed', description: 'x', priority: 'low', kioskId: KIOSK_A.id }],
  },
  { method: 'GET', path: HUB_PATHS.agentAccounts, credential: 'supervisor', samples: [] },
  {
    method: 'POST',
    path: HUB_PATHS.agentAccounts,
    credential: 'supervisor',
    samples: [
      { username: 'fuzz.one', role: 'agent', displayName: 'F', skills: ['en'], password: 'fuzzed pass 1' },
    ],
  },
  {
    method: 'POST',
    path: `${HUB_PATHS.agentAccounts}/:id`,
    credential: 'supervisor',
    samples: [{ role: 'expert', skills: ['risk'], disabled: false }],
  },
  {
    method: 'POST',
    path: `${HUB_PATHS.agentAccounts}/:id/password`,
    credential: 'supervisor',
    samples: [{ password: 'a new one 123' }],
  },
  {
    method: 'POST',
    path: HUB_PATHS.agentPassword,
    credential: 'spare',
    samples: [{ current: 'x', password: 'y'.repeat(12) }],
  },
  { method: 'GET', path: `${HUB_MOUNTS.agent}/audit`, credential: 'supervisor', samples: [] },
  { method: 'GET', path: HUB_PATHS.agentMisses, credential: 'supervisor', samples: [] },
  // Recordings (the fuzzed hub records calls): no call is held, so uploads and finishes are refused.
  { method: 'GET', path: HUB_PATHS.agentRecordings, credential: 'supervisor', samples: [] },
  { method: 'GET', path: `${HUB_PATHS.agentRecordings}/:id`, credential: 'supervisor', samples: [] },
  { method: 'POST', path: `${HUB_PATHS.agentRecordings}/:id/chunks`, credential: 'agent', samples: [{}] },
  { method: 'POST', path: `${HUB_PATHS.agentRecordings}/:id/finish`, credential: 'agent', samples: [] },
  {
    method: 'POST',
    path: `${HUB_PATHS.adminRecordings}/:id/hold`,
    credential: 'operator',
    samples: [{ hold: true }],
  },
  // The supervisor's desk: the wallboard, quality scores (of no recording here: 404) and the CSV export.
  { method: 'GET', path: `${HUB_PATHS.agentSupervisor}/wallboard`, credential: 'supervisor', samples: [] },
  {
    method: 'POST',
    path: `${HUB_PATHS.agentSupervisor}/scores`,
    credential: 'supervisor',
    samples: [
      {
        recordingId: 'rec-1',
        greeting: 2,
        identityCheck: 1,
        suitability: null,
        resolution: 2,
        notes: '=1+1',
      },
    ],
  },
  { method: 'GET', path: `${HUB_PATHS.agentSupervisor}/scores`, credential: 'supervisor', samples: [] },
  { method: 'GET', path: `${HUB_PATHS.agentSupervisor}/export/:kind`, credential: 'supervisor', samples: [] },
  // Listen-in (routes-listen-in.ts).
  { method: 'GET', path: `${HUB_PATHS.agentSupervisor}/calls/live`, credential: 'supervisor', samples: [] },
  {
    method: 'POST',
    path: `${HUB_PATHS.agentSupervisor}/calls/:id/listen`,
    credential: 'supervisor',
    samples: [],
  },
  {
    method: 'POST',
    path: `${HUB_PATHS.agentSupervisor}/calls/:id/step-in`,
    credential: 'supervisor',
    samples: [],
  },
  { method: 'GET', path: HUB_PATHS.agentArticles, credential: 'supervisor', samples: [] },
  { method: 'GET', path: HUB_PATHS.agentCallDeskArticles, credential: 'agent', samples: [] },
  { method: 'GET', path: HUB_PATHS.agentCallDeskCanned, credential: 'agent', samples: [] },
  {
    method: 'POST',
    path: HUB_PATHS.agentCallDeskCanned,
    credential: 'supervisor',
    samples: [{ title: 'Insert card', en: 'Please insert your card.', 'zh-CN': '请插入您的银行卡。' }],
  },
  { method: 'DELETE', path: `${HUB_PATHS.agentCallDeskCanned}/:id`, credential: 'supervisor', samples: [] },
  {
    method: 'POST',
    path: HUB_PATHS.agentArticles,
    credential: 'supervisor',
    samples: [{ baseVersion: 0, article: articleDraft }],
  },
  { method: 'POST', path: `${HUB_MOUNTS.admin}/articles`, credential: 'operator', samples: [article] },
  {
    method: 'POST',
    path: `${HUB_MOUNTS.admin}/config`,
    credential: 'operator',
    samples: [{ key: 'idle.timeout_s', version: 1, value: 90, description: 'idle' }],
  },
  {
    method: 'POST',
    path: `${HUB_MOUNTS.admin}/routing-rules`,
    credential: 'operator',
    samples: [
      {
        id: 'rule-fuzz',
        version: 1,
        enabled: true,
        priority: 10,
        match: { intents: ['complaint'], keywords: ['angry'] },
        route: { to: 'risk', queue: 'risk' },
      },
    ],
  },
  {
    method: 'POST',
    path: `${HUB_MOUNTS.admin}/kiosks`,
    credential: 'operator',
    samples: [{ kioskId: 'kiosk-fuzz' }],
  },
];
