// The agent's link to the hub: its URL and credential, and for an https hub the CA the hub's certificate
// must chain to and the kiosk's own certificate (mutual TLS), read once at start so that an unreadable
// file stops the start with one line naming its option.
import { readPemFile, type HubClientTls, type KioskSyncOptions } from '@branch/cloud-sync';
import type { Logger } from 'pino';
import type { ResolvedAgentOptions } from '../config/agent-options.ts';

export type HubLinkOptions = ResolvedAgentOptions['hub'];

/** What the agent sets of cloud-sync's options (the rest keep cloud-sync's defaults). */
export type AgentSyncOptions = Pick<
  KioskSyncOptions,
  'hubUrl' | 'kioskId' | 'token' | 'outboxAlarmChanges' | 'outboxAlarmBytes' | 'tls'
> & { logger?: Logger };

export function readHubTls(hub: HubLinkOptions): HubClientTls | undefined {
  if (hub.caFile === undefined && hub.certFile === undefined) return undefined;
  return {
    ...(hub.caFile === undefined ? {} : { ca: readPemFile(hub.caFile, 'agent: hub.caFile') }),
    ...(hub.certFile === undefined ? {} : { cert: readPemFile(hub.certFile, 'agent: hub.certFile') }),
    ...(hub.keyFile === undefined ? {} : { key: readPemFile(hub.keyFile, 'agent: hub.keyFile') }),
  };
}

/** openKioskSync's options for this agent. */
export function kioskSyncOptions(o: ResolvedAgentOptions, logger: Logger): AgentSyncOptions {
  const tls = readHubTls(o.hub);
  return {
    hubUrl: o.hub.url,
    kioskId: o.kioskId,
    token: o.hub.token,
    logger,
    outboxAlarmChanges: o.sync.outboxAlarmChanges,
    outboxAlarmBytes: o.sync.outboxAlarmBytes,
    ...(tls === undefined ? {} : { tls }),
  };
}
