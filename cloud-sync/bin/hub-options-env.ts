// Every hub setting from environment variables (listed in bin/hub.ts and the README), read once for both
// runtimes' entries, and the JSON-lines logger they print with.
import type { Logger } from '../src/logger.ts';
import type { StartHubOptions } from '../src/hub/serve/node-options.ts';
import {
  handoffLimitsFromEnv,
  pingFromEnv,
  recordingFromEnv,
  seedFromEnv,
  serviceLevelFromEnv,
  storeFromEnv,
  ticketsFromEnv,
  tlsFromEnv,
} from './hub-env.ts';
import { iceFromEnv } from './ice-env.ts';

type Env = Record<string, string | undefined>;

/** What the environment gives: always a store and a logger, never test hooks. */
export type HubEnvOptions = Omit<StartHubOptions, 'storeHooks'> & {
  store: NonNullable<StartHubOptions['store']>;
  logger: Logger;
};

/** Throws one line naming the variable when a setting is malformed. */
export function hubOptionsFromEnv(env: Env, logger: Logger): HubEnvOptions {
  const pingIntervalMs = pingFromEnv(env);
  const tls = tlsFromEnv(env);
  const recording = recordingFromEnv(env);
  const serviceLevelS = serviceLevelFromEnv(env);
  return {
    host: env.HUB_HOST ?? '127.0.0.1',
    port: Number(env.HUB_PORT ?? 7100),
    dataDir: env.HUB_DATA_DIR ?? 'data/hub',
    store: storeFromEnv(env),
    seed: seedFromEnv(env),
    logger,
    ...iceFromEnv(env),
    handoff: handoffLimitsFromEnv(env),
    ...ticketsFromEnv(env),
    ...(env.HUB_STATIC_DIR ? { staticDir: env.HUB_STATIC_DIR } : {}),
    ...(env.HUB_OPERATOR_TOKEN ? { operatorToken: env.HUB_OPERATOR_TOKEN } : {}),
    ...(pingIntervalMs ? { pingIntervalMs } : {}),
    ...(tls ? { tls } : {}),
    ...(recording ? { recording } : {}),
    ...(serviceLevelS ? { serviceLevelS } : {}),
  };
}

/** A logger that writes one JSON object per line through `write` (stdout in both runtimes). */
export function jsonLineLogger(write: (line: string) => void): Logger {
  const line =
    (level: string) =>
    (obj: object, msg?: string): void =>
      write(JSON.stringify({ level, time: new Date().toISOString(), ...obj, msg }));
  return { debug: () => {}, info: line('info'), warn: line('warn'), error: line('error') };
}
