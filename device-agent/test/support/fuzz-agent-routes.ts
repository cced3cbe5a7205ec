// The agent's HTTP routes as the fuzz tests see them: the kiosk listener (health, boot secret, the
// simulation panel's API, the voice) and the technician listener's API, each with its method, whether
// it needs the technician's token, and valid bodies for the fuzzer to mutate.
import { TECH_PIN } from '../harness.ts';

export interface AgentFuzzRoute {
  listener: 'kiosk' | 'tech';
  method: string;
  path: string;
  /** Needs a technician bearer token ('spare': one of its own, for the sign-out). */
  token?: 'tech' | 'spare';
  samples: unknown[];
}

const kiosk = (method: string, path: string, samples: unknown[] = []): AgentFuzzRoute => ({
  listener: 'kiosk',
  method,
  path,
  samples,
});
const tech = (method: string, path: string, samples: unknown[] = [], token: 'tech' | 'spare' = 'tech') => ({
  listener: 'tech' as const,
  method,
  path,
  token,
  samples,
});

export const AGENT_ROUTES_UNDER_FUZZ: AgentFuzzRoute[] = [
  kiosk('GET', '/healthz'),
  kiosk('GET', '/metrics'),
  kiosk('GET', '/kiosk/boot'),
  kiosk('GET', '/sim/api/state'),
  kiosk('POST', '/sim/api/card', [{ cardId: 'visa-classic' }, { raw: '%B4111111111111111^DOE/J^2812101?' }]),
  kiosk('POST', '/sim/api/card-reader', [{ plugged: true }]),
  kiosk('POST', '/sim/api/gpio', [
    { input: 'presence', active: false },
    { input: 'door', active: false },
  ]),
  kiosk('POST', '/voice/line', [{ text: 'Hello, 欢迎光临银行', locale: 'en', mode: 'normal' }]),
  {
    listener: 'tech',
    method: 'POST',
    path: '/tech/api/login',
    samples: [{ pin: TECH_PIN }, { pin: '0000', user: 'x' }],
  },
  tech('GET', '/tech/api/me'),
  tech('POST', '/tech/api/logout', [{}], 'spare'),
  tech('POST', '/tech/api/safety/reset', [{}]),
  tech('GET', '/tech/api/safety/events'),
  tech('GET', '/tech/api/inventory'),
  tech('GET', '/tech/api/status'),
  tech('GET', '/tech/api/events'),
  tech('GET', '/tech/api/runbooks'),
  tech('GET', '/tech/api/runbooks/runs'),
  tech('POST', '/tech/api/runbooks/:id/run', [{}]),
  tech('POST', '/tech/api/runbooks/abort', [{}, { runId: '01J0000000000000000000000A' }]),
  tech('POST', '/tech/api/jog/start', [{ axis: 'x', direction: 1, speedMmS: 100 }]),
  tech('POST', '/tech/api/jog/heartbeat', [{ jogId: '3b241101-e2bb-4255-8caf-4136c566a962' }]),
  tech('POST', '/tech/api/jog/stop', [{ jogId: '3b241101-e2bb-4255-8caf-4136c566a962' }]),
  tech('POST', '/tech/api/bundle', [{}]),
  tech('GET', '/tech/api/bundle/:id'),
  tech('GET', '/tech/api/bundle/:id/download'),
];
