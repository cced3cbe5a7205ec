// The store choice from environment variables, shared by the Node and Deno entries.
import type { HubStoreChoice } from '../src/hub/node.ts';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function storeFromEnv(env: Record<string, string | undefined>): HubStoreChoice {
  const kind = env.HUB_STORE ?? 'sqlite';
  if (kind === 'sqlite') return { kind: 'sqlite' };
  if (kind !== 'postgres') throw new Error(`HUB_STORE must be sqlite or postgres, not ${kind}`);
  return {
    kind: 'postgres',
    url: env.HUB_PG_URL ?? env.DATABASE_URL ?? DEFAULT_PG_URL,
    ...(env.HUB_PG_SCHEMA ? { schema: env.HUB_PG_SCHEMA } : {}),
    ...(env.HUB_PG_POOL ? { poolSize: Number(env.HUB_PG_POOL) } : {}),
  };
}
