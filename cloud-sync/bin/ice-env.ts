// The ICE settings of handoff calls from environment variables: static STUN/TURN servers, TURN by the
// REST scheme (a short-lived credential per party, signed with a secret shared with coturn) and the
// relay-only policy. Shared by the Node and Deno entries.
import { IceServerSchema, type IceServer, type IceTransportPolicy } from '../src/schema/handoff.ts';
import type { TurnConfig } from '../src/handoff/turn-credentials.ts';

type Env = Record<string, string | undefined>;

export interface IceSettings {
  iceServers?: IceServer[];
  turn?: TurnConfig;
  iceTransportPolicy?: IceTransportPolicy;
}

/** HUB_ICE_SERVERS: a JSON array of RTCIceServer objects for handoff calls; unset: none (loopback, LAN). */
function iceServersFromEnv(env: Env): IceServer[] | undefined {
  const raw = env.HUB_ICE_SERVERS;
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('HUB_ICE_SERVERS is not JSON (expected an array of {urls, username?, credential?})');
  }
  const result = IceServerSchema.array().max(10).safeParse(parsed);
  if (!result.success) throw new Error(`HUB_ICE_SERVERS: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

/** HUB_TURN_URLS (comma-separated turn: URLs), HUB_TURN_SECRET and HUB_TURN_TTL_S; unset: no TURN. */
function turnFromEnv(env: Env): TurnConfig | undefined {
  const urls = (env.HUB_TURN_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  const secret = env.HUB_TURN_SECRET ?? '';
  if (urls.length === 0 && secret === '') return undefined;
  if (urls.length === 0 || secret === '') throw new Error('HUB_TURN_URLS and HUB_TURN_SECRET go together');
  const bad = urls.find((u) => !/^turns?:[^\s]+$/.test(u));
  if (bad) throw new Error(`HUB_TURN_URLS: "${bad}" is not a turn: or turns: URL`);
  if (secret.length < 16) throw new Error('HUB_TURN_SECRET must be at least 16 characters');
  const rawTtl = env.HUB_TURN_TTL_S;
  if (rawTtl === undefined || rawTtl.trim() === '') return { urls, secret };
  const ttlS = Number(rawTtl);
  if (!Number.isInteger(ttlS) || ttlS < 60 || ttlS > 86_400)
    throw new Error('HUB_TURN_TTL_S must be a whole number of seconds from 60 to 86400');
  return { urls, secret, ttlS };
}

/** Everything a handoff call's ICE needs; HUB_ICE_RELAY_ONLY=1 needs a TURN server to relay through. */
export function iceFromEnv(env: Env): IceSettings {
  const iceServers = iceServersFromEnv(env);
  const turn = turnFromEnv(env);
  const relayOnly = env.HUB_ICE_RELAY_ONLY === '1';
  if (relayOnly && !turn && !iceServers?.some((s) => [s.urls].flat().some((u) => u.startsWith('turn'))))
    throw new Error(
      'HUB_ICE_RELAY_ONLY=1 needs a TURN server (HUB_TURN_URLS or a turn: entry in HUB_ICE_SERVERS)',
    );
  return {
    ...(iceServers ? { iceServers } : {}),
    ...(turn ? { turn } : {}),
    ...(relayOnly ? { iceTransportPolicy: 'relay' as const } : {}),
  };
}
