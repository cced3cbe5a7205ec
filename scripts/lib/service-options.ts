// Maps the branch configuration and secrets onto each service's own options. The options travel to the
// service process as JSON, so they hold only plain data.
import type { TicketSla } from '@branch/cloud-sync';
import { createHmac } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { BranchConfig } from './config-schema.ts';
import type { BranchSecrets } from './secrets.ts';
import { agentHubTls, hubTlsFiles } from './hub-tls.ts';
import type { TlsServerFiles } from '@branch/cloud-sync';

export interface HubServiceOptions {
  host: string;
  port: number;
  dataDir: string;
  staticDir: string;
  logLevel: BranchConfig['logLevel'];
  operatorToken: string;
  kiosk: { id: string; token: string };
  agentPassword: string;
  /** HTTPS (absolute paths), or absent for plain HTTP. */
  tls?: TlsServerFiles;
  /** TURN by the REST scheme (turn.enabled), and relay-only calls (turn.relayOnly). */
  turn?: { urls: string[]; secret: string };
  iceTransportPolicy?: 'relay';
  /** Calls recorded (hub.recording), kept this many days (hub.recordingRetentionDays). */
  recording?: { retentionDays: number };
  /** hub.ticketSla and hub.ticketEscalationSeconds. */
  ticketSla: TicketSla;
  ticketEscalationMs: number;
}

export interface AgentServiceOptions {
  host: string;
  port: number;
  dataDir: string;
  staticDir: string;
  logLevel: BranchConfig['logLevel'];
  kioskId: string;
  /** simulation: virtual card reader and GPIO; hardware: the devices below. */
  mode: BranchConfig['agent']['mode'];
  cardReader: BranchConfig['cardReader'];
  gpio: BranchConfig['gpio'];
  /** The hub, and for https the CA to check it against and the kiosk's client certificate (paths). */
  hub: { url: string; token: string; caFile?: string; certFile?: string; keyFile?: string };
  cardKey: string;
  arm: { dialect: 'binary' | 'gcode'; path: string; baudRate: number };
  safety: BranchConfig['safety'];
  sync: BranchConfig['sync'];
  voice: BranchConfig['voice'];
  technicianPin: string;
  technician: {
    host: string;
    port: number;
    /** Absolute paths, or absent. */
    tlsCertFile?: string;
    tlsKeyFile?: string;
    allowPlaintext: boolean;
    trustedProxies: string[];
  };
  /** The simulator's control channel, where runbooks read the fixtures' states (simulation only). */
  simulatorControlUrl?: string;
}

export function hubServiceOptions(
  config: BranchConfig,
  secrets: BranchSecrets,
  dataDir: string,
  staticDir: string,
): HubServiceOptions {
  return {
    host: config.hub.host,
    port: config.hub.port,
    dataDir: join(dataDir, 'hub'),
    staticDir,
    logLevel: config.logLevel,
    operatorToken: secrets.operatorToken,
    kiosk: { id: config.agent.kioskId, token: secrets.kioskToken },
    agentPassword: secrets.agentPassword,
    ...withTls(hubTlsFiles(config, dataDir)),
    ...(config.turn.enabled ? { turn: { urls: turnUrls(config), secret: turnSecret(secrets) } } : {}),
    ...(config.turn.relayOnly ? { iceTransportPolicy: 'relay' as const } : {}),
    ...(config.hub.recording ? { recording: { retentionDays: config.hub.recordingRetentionDays } } : {}),
    ticketSla: config.hub.ticketSla,
    ticketEscalationMs: config.hub.ticketEscalationSeconds * 1000,
  };
}

/** The TURN server's URLs as the browsers reach it (UDP, and TCP where UDP is blocked). */
export function turnUrls(config: BranchConfig): string[] {
  const { host, port } = config.turn;
  const at = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return [`turn:${at}?transport=udp`, `turn:${at}?transport=tcp`];
}

/** The secret coturn and the hub share, derived from the operator token (so no new secret to keep). */
export function turnSecret(secrets: BranchSecrets): string {
  return createHmac('sha256', secrets.operatorToken).update('branch turn shared secret').digest('base64url');
}

const withTls = (tls: TlsServerFiles | undefined): { tls?: TlsServerFiles } =>
  tls === undefined ? {} : { tls };

/** The technician listener's port: as configured, or next to the agent's (ephemeral with it). */
export function technicianPort(config: BranchConfig): number {
  const { port } = config.technician;
  if (port >= 0) return port;
  return config.agent.port === 0 || config.agent.port === 65_535 ? 0 : config.agent.port + 1;
}

/** The agent's technician listener options: '' means absent; files resolved against the working directory. */
export function technicianServiceOptions(config: BranchConfig): AgentServiceOptions['technician'] {
  const t = config.technician;
  return {
    host: t.host,
    port: technicianPort(config),
    ...(t.tlsCertFile === '' ? {} : { tlsCertFile: resolve(t.tlsCertFile) }),
    ...(t.tlsKeyFile === '' ? {} : { tlsKeyFile: resolve(t.tlsKeyFile) }),
    allowPlaintext: t.allowPlaintext,
    trustedProxies: t.trustedProxies
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  };
}

export function agentServiceOptions(
  config: BranchConfig,
  secrets: BranchSecrets,
  dataDir: string,
  staticDir: string,
  hubUrl: string,
  armPath: string,
  simulatorControlUrl?: string,
): AgentServiceOptions {
  return {
    host: config.agent.host,
    port: config.agent.port,
    dataDir: join(dataDir, 'agent'),
    staticDir,
    logLevel: config.logLevel,
    kioskId: config.agent.kioskId,
    mode: config.agent.mode,
    cardReader: config.cardReader,
    gpio: config.gpio,
    hub: { url: hubUrl, token: secrets.kioskToken, ...agentHubTls(config, dataDir) },
    cardKey: secrets.cardKey,
    arm: { dialect: config.simulator.dialect, path: armPath, baudRate: config.arm.baudRate },
    safety: config.safety,
    sync: config.sync,
    voice: config.voice,
    technicianPin: secrets.technicianPin,
    technician: technicianServiceOptions(config),
    ...(simulatorControlUrl === undefined ? {} : { simulatorControlUrl }),
  };
}
