// The hub process of the branch in a box (options over IPC from the launcher) or of an installed kiosk
// (started by systemd; options from kiosk.config.json): cloud-sync's hub on SQLite, seeded with this kiosk's
// credential, demo agent, expert, risk and supervisor accounts, the default knowledge base and the
// default handoff routing rules (idempotent on every start).
import { DEFAULT_ARTICLES, DEFAULT_HANDOFF_RULES, startHub } from '@branch/cloud-sync';
import { pino } from 'pino';
import { runService } from '../lib/service-main.ts';
import type { HubServiceOptions } from '../lib/service-options.ts';
import { standaloneHubOptions } from '../lib/standalone-options.ts';

await runService<HubServiceOptions>(
  async (o) => {
    // Synchronous writes to the launcher's pipe: pino's default (asynchronous) stdout flushes again on
    // process exit and retries a broken pipe forever, which hung a service whose launcher had been killed.
    // A broken pipe here ends logging instead (device-agent's logger-exit test shows the hang).
    const logger = pino({ level: o.logLevel, base: null }, pino.destination({ dest: 1, sync: true }));
    const hub = await startHub({
      host: o.host,
      port: o.port,
      dataDir: o.dataDir,
      staticDir: o.staticDir,
      operatorToken: o.operatorToken,
      ...(o.tls === undefined ? {} : { tls: o.tls }),
      ...(o.turn === undefined ? {} : { turn: o.turn }),
      ...(o.iceTransportPolicy === undefined ? {} : { iceTransportPolicy: o.iceTransportPolicy }),
      ...(o.recording === undefined ? {} : { recording: o.recording }),
      ticketSla: o.ticketSla,
      ticketEscalationMs: o.ticketEscalationMs,
      logger,
      seed: {
        kiosks: [o.kiosk],
        // The supervisor stands for the operator in the console: it publishes knowledge articles.
        agents: [
          { username: 'agent', password: o.agentPassword, role: 'agent', displayName: 'Demo Agent' },
          // The handoff's other teams: VIP customers reach the expert, complaints and fraud the risk desk.
          { username: 'expert', password: o.agentPassword, role: 'expert', displayName: 'Demo Expert' },
          { username: 'risk', password: o.agentPassword, role: 'risk', displayName: 'Demo Risk Officer' },
          {
            username: 'supervisor',
            password: o.agentPassword,
            role: 'supervisor',
            displayName: 'Demo Supervisor',
          },
        ],
        articles: DEFAULT_ARTICLES,
        routingRules: [...DEFAULT_HANDOFF_RULES],
      },
    });
    return { ready: { url: hub.url }, close: () => hub.close() };
  },
  () => standaloneHubOptions(import.meta.url),
);
