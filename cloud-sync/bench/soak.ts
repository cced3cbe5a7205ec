// npm run soak -w cloud-sync: the randomised reliability soak on loopback, bounded in rounds and time.
//   SOAK_ROUNDS (300)  SOAK_KIOSKS (3)  SOAK_MAX_S (120)  SOAK_STORE (sqlite | postgres)
//   SOAK_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; a scratch schema is used and dropped)
//   SOAK_SEED (random; printed, to replay a run)
// Prints one JSON line {rounds, changes, lost, duplicated, ...}; exits 1 when anything was lost or
// applied twice.
import pg from 'pg';
import { runSoak } from '../test/support/soak.ts';
import type { HubStoreChoice } from '../src/index.ts';

const env = process.env;
const pgUrl = env.SOAK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const schema = `soak_${process.pid}`;
const store: HubStoreChoice =
  env.SOAK_STORE === 'postgres' ? { kind: 'postgres', url: pgUrl, schema } : { kind: 'sqlite' };

try {
  const result = await runSoak({
    rounds: Number(env.SOAK_ROUNDS ?? 300),
    kiosks: Number(env.SOAK_KIOSKS ?? 3),
    maxMs: Number(env.SOAK_MAX_S ?? 120) * 1000,
    store,
    ...(env.SOAK_SEED ? { seed: Number(env.SOAK_SEED) } : {}),
    log: (l) => console.error(l),
  });
  console.log(JSON.stringify(result));
  process.exitCode = result.lost === 0 && result.duplicated === 0 && result.phantom === 0 ? 0 : 1;
} finally {
  if (store.kind === 'postgres') {
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  }
}
