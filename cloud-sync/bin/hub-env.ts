// The store choice and the seed from environment variables, shared by the Node and Deno entries.
import type { HubStoreChoice } from '../src/hub/serve/node-support.ts';
import { DEFAULT_ARTICLES } from '../src/hub/default-articles.ts';
import type { HubSeed } from '../src/hub/seed.ts';
import type { HandoffLimits } from '../src/handoff/handoff-limits.ts';
import { TicketSlaSchema, type TicketSla } from '../src/schema/ticket-sla.ts';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function storeFromEnv(env: Record<string, string | undefined>): HubStoreChoice {
  const kind = env.HUB_STORE ?? 'sqlite';
  if (kind === 'sqlite') {
    const max = env.HUB_SQLITE_MAX_BYTES;
    if (max === undefined || max === '') return { kind: 'sqlite' };
    const maxBytes = Number(max);
    if (!Number.isInteger(maxBytes) || maxBytes < 65_536)
      throw new Error(`HUB_SQLITE_MAX_BYTES must be a whole number of bytes, at least 65536, not ${max}`);
    return { kind: 'sqlite', maxBytes };
  }
  if (kind !== 'postgres') throw new Error(`HUB_STORE must be sqlite or postgres, not ${kind}`);
  return {
    kind: 'postgres',
    url: env.HUB_PG_URL ?? env.DATABASE_URL ?? DEFAULT_PG_URL,
    ...(env.HUB_PG_SCHEMA ? { schema: env.HUB_PG_SCHEMA } : {}),
    ...(env.HUB_PG_POOL ? { poolSize: positiveInt(env, 'HUB_PG_POOL') } : {}),
    ...(env.HUB_PG_CONNECT_TIMEOUT_MS
      ? { connectTimeoutMs: positiveInt(env, 'HUB_PG_CONNECT_TIMEOUT_MS') }
      : {}),
    ...(env.HUB_PG_STATEMENT_TIMEOUT_MS
      ? { statementTimeoutMs: positiveInt(env, 'HUB_PG_STATEMENT_TIMEOUT_MS') }
      : {}),
  };
}

function positiveInt(env: Record<string, string | undefined>, key: string): number {
  const v = Number(env[key]);
  if (!Number.isInteger(v) || v <= 0)
    throw new Error(`${key} must be a positive whole number, not ${env[key]}`);
  return v;
}

/** HUB_SEED_ARTICLES (0: no default articles), HUB_SEED_KIOSKS (`id:token,id:token`). */
export function seedFromEnv(env: Record<string, string | undefined>): HubSeed {
  return {
    ...(env.HUB_SEED_ARTICLES === '0' ? {} : { articles: DEFAULT_ARTICLES }),
    ...(env.HUB_SEED_KIOSKS
      ? {
          kiosks: env.HUB_SEED_KIOSKS.split(',').map((pair) => {
            const [id = '', token = ''] = pair.split(':');
            return { id, token };
          }),
        }
      : {}),
  };
}

/** HUB_WS_PING_MS: the keepalive ping of every WebSocket; unset: 30 s. */
export function pingFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.HUB_WS_PING_MS;
  if (raw === undefined || raw.trim() === '') return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < 100) throw new Error('HUB_WS_PING_MS must be an integer of at least 100');
  return ms;
}

/**
 * HUB_HANDOFF_UNCLAIMED_MS (120000), HUB_HANDOFF_MAX_OPEN_PER_KIOSK (2), HUB_HANDOFF_MAX_PER_MINUTE (6):
 * the handoff bounds; an unset one keeps its default.
 */
export function handoffLimitsFromEnv(env: Record<string, string | undefined>): Partial<HandoffLimits> {
  const pick = (key: string, min: number): number | undefined => {
    const raw = env[key];
    if (raw === undefined || raw.trim() === '') return undefined;
    const v = Number(raw);
    if (!Number.isInteger(v) || v < min)
      throw new Error(`${key} must be a whole number of at least ${min}, not ${raw}`);
    return v;
  };
  const unclaimedMs = pick('HUB_HANDOFF_UNCLAIMED_MS', 1000);
  const maxOpenPerKiosk = pick('HUB_HANDOFF_MAX_OPEN_PER_KIOSK', 1);
  const maxRequestsPerMinute = pick('HUB_HANDOFF_MAX_PER_MINUTE', 1);
  return {
    ...(unclaimedMs !== undefined ? { unclaimedMs } : {}),
    ...(maxOpenPerKiosk !== undefined ? { maxOpenPerKiosk } : {}),
    ...(maxRequestsPerMinute !== undefined ? { maxRequestsPerMinute } : {}),
  };
}

/** HUB_TLS_CERT_FILE and HUB_TLS_KEY_FILE (both or neither): HTTPS; HUB_TLS_CLIENT_CA_FILE: mutual TLS. */
export function tlsFromEnv(
  env: Record<string, string | undefined>,
): { certFile: string; keyFile: string; clientCaFile?: string } | undefined {
  const cert = env.HUB_TLS_CERT_FILE ?? '';
  const key = env.HUB_TLS_KEY_FILE ?? '';
  const ca = env.HUB_TLS_CLIENT_CA_FILE ?? '';
  if (cert === '' && key === '') {
    if (ca !== '') throw new Error('HUB_TLS_CLIENT_CA_FILE needs HUB_TLS_CERT_FILE and HUB_TLS_KEY_FILE');
    return undefined;
  }
  if (cert === '' || key === '') throw new Error('HUB_TLS_CERT_FILE and HUB_TLS_KEY_FILE go together');
  return { certFile: cert, keyFile: key, ...(ca === '' ? {} : { clientCaFile: ca }) };
}

/**
 * HUB_RECORDING (0; 1 records calls), HUB_RECORDING_RETENTION_DAYS (180), HUB_RECORDING_MAX_MB (512):
 * how the hub records calls; undefined when it does not.
 */
export function recordingFromEnv(
  env: Record<string, string | undefined>,
): { retentionDays?: number; maxBytes?: number } | undefined {
  if (env.HUB_RECORDING !== '1') return undefined;
  return {
    ...(env.HUB_RECORDING_RETENTION_DAYS
      ? { retentionDays: positiveInt(env, 'HUB_RECORDING_RETENTION_DAYS') }
      : {}),
    ...(env.HUB_RECORDING_MAX_MB ? { maxBytes: positiveInt(env, 'HUB_RECORDING_MAX_MB') * 1024 * 1024 } : {}),
  };
}

/** HUB_SERVICE_LEVEL_S: the wallboard's service-level threshold (answered within it); unset: 20 s. */
export function serviceLevelFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.HUB_SERVICE_LEVEL_S;
  if (raw === undefined || raw.trim() === '') return undefined;
  const s = Number(raw);
  if (!Number.isInteger(s) || s < 1 || s > 3600)
    throw new Error('HUB_SERVICE_LEVEL_S must be a whole number of seconds from 1 to 3600');
  return s;
}

/**
 * HUB_TICKET_SLA (JSON: minutes per kind and priority, every one given, as DEFAULT_TICKET_SLA) and
 * HUB_TICKET_ESCALATION_S (60): tickets' due times and how often overdue ones are escalated.
 */
export function ticketsFromEnv(env: Record<string, string | undefined>): {
  ticketSla?: TicketSla;
  ticketEscalationMs?: number;
} {
  let sla: TicketSla | undefined;
  if (env.HUB_TICKET_SLA) {
    const parsed = TicketSlaSchema.safeParse(JSON.parse(env.HUB_TICKET_SLA));
    if (!parsed.success) throw new Error(`HUB_TICKET_SLA: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    sla = parsed.data;
  }
  return {
    ...(sla ? { ticketSla: sla } : {}),
    ...(env.HUB_TICKET_ESCALATION_S
      ? { ticketEscalationMs: positiveInt(env, 'HUB_TICKET_ESCALATION_S') * 1000 }
      : {}),
  };
}
