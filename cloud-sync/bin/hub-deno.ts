// The hub on Deno, configured from the environment like bin/hub.ts (see README): run from the
// repository root with `npx deno run -A cloud-sync/bin/hub-deno.ts`. Prints one JSON line
// {"event":"hub.started","url":...,"runtime":"deno"} when it listens.
import { startDenoHub } from '../src/hub/serve/deno.ts';
import { Deno } from '../src/hub/serve/deno-runtime.ts';
import type { Logger } from '../src/logger.ts';
import {
  handoffLimitsFromEnv,
  pingFromEnv,
  seedFromEnv,
  serviceLevelFromEnv,
  storeFromEnv,
  ticketsFromEnv,
} from './hub-env.ts';
import { iceFromEnv } from './ice-env.ts';

const env = Deno.env.toObject();
const line =
  (level: string) =>
  (obj: object, msg?: string): void =>
    console.log(JSON.stringify({ level, time: new Date().toISOString(), ...obj, msg }));
const logger: Logger = { debug: () => {}, info: line('info'), warn: line('warn'), error: line('error') };
const ice = iceFromEnv(env);
const pingIntervalMs = pingFromEnv(env);
const handoff = handoffLimitsFromEnv(env);
const serviceLevelS = serviceLevelFromEnv(env);

const hub = await startDenoHub({
  host: env.HUB_HOST ?? '127.0.0.1',
  port: Number(env.HUB_PORT ?? 7100),
  dataDir: env.HUB_DATA_DIR ?? 'data/hub',
  store: storeFromEnv(env),
  seed: seedFromEnv(env),
  logger,
  ...ice,
  ...(pingIntervalMs ? { pingIntervalMs } : {}),
  handoff,
  ...ticketsFromEnv(env),
  ...(serviceLevelS ? { serviceLevelS } : {}),
  ...(env.HUB_OPERATOR_TOKEN ? { operatorToken: env.HUB_OPERATOR_TOKEN } : {}),
});

const shutdown = (): void =>
  void hub.close().then(
    () => Deno.exit(0),
    () => Deno.exit(1),
  );
Deno.addSignalListener('SIGINT', shutdown);
Deno.addSignalListener('SIGTERM', shutdown);
