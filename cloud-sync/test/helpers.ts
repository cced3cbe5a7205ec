// Shared setup for the integration tests: temp folders, a real hub on an ephemeral port, kiosk DBs.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ulid } from 'ulid';
import { startHub, type HubSeed, type RunningHub, type StartHubOptions } from '../src/index.ts';
import type { Conversation, Message } from '../src/index.ts';
import { PG_ADMIN_URL } from './support/pg.ts';

export const OPERATOR_TOKEN = 'operator-token-for-tests-0123456789';
export const KIOSK_A = { id: 'kiosk-a', token: 'kiosk-a-token-0123456789abcdef' };
export const KIOSK_B = { id: 'kiosk-b', token: 'kiosk-b-token-0123456789abcdef' };
export const AGENT = {
  username: 'li.na',
  password: 'correct horse 42',
  role: 'agent' as const,
  displayName: 'Li Na',
};

/** Reads every conversation (plain agents see only their own calls'). */
export const SUPERVISOR = {
  username: 'zhou.min',
  password: 'supervisor pass 9',
  role: 'supervisor' as const,
  displayName: 'Zhou Min',
};

/** Low iteration count: tests check the protocol, not PBKDF2's cost. */
export const TEST_ITERATIONS = 1000;

export class TempDirs {
  private readonly dirs: string[] = [];
  make(prefix = 'cloud-sync-'): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }
  cleanup(): void {
    for (const d of this.dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  }
}

export function testSeed(extra: Partial<HubSeed> = {}): HubSeed {
  return { kiosks: [KIOSK_A, KIOSK_B], agents: [AGENT, SUPERVISOR], ...extra };
}

/**
 * HUB_TEST_STORE=postgres: a test hub that names no store runs on PostgreSQL (HUB_TEST_PG_URL) in a
 * schema named after its data folder (`th_<hash>`, so a restart on the same folder finds its rows),
 * to run the SQLite-only files on PostgreSQL too. The schemas stay; drop them afterwards.
 */
function defaultTestStore(dataDir: string): Partial<StartHubOptions> {
  if (process.env.HUB_TEST_STORE !== 'postgres') return {};
  const schema = `th_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  return { store: { kind: 'postgres', url: PG_ADMIN_URL, schema, poolSize: 4 } };
}

export function startTestHub(dataDir: string, more: Partial<StartHubOptions> = {}): Promise<RunningHub> {
  return startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    ...defaultTestStore(dataDir),
    seed: testSeed(),
    operatorToken: OPERATOR_TOKEN,
    passwordIterations: TEST_ITERATIONS,
    ...more,
  });
}

export function openKioskDb(dir: string, name = 'kiosk.sqlite'): Database.Database {
  return new Database(join(dir, name));
}

/** Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function conversation(
  kioskId: string,
  startedAt: string,
  extra: Partial<Conversation> = {},
): Conversation {
  return { id: `c-${ulid()}`, kioskId, locale: 'en', startedAt, ...extra };
}

export function message(
  conversationId: string,
  text: string,
  at: string,
  role: Message['role'] = 'customer',
): Message {
  return { id: `m-${ulid()}`, conversationId, role, text, at };
}

export async function api(
  hub: Pick<RunningHub, 'url'>,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string } = {},
  // Tests read many response shapes; each assertion states the shape it expects.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; body: any }> {
  const body = opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body));
  const res = await fetch(hub.url + path, {
    method,
    headers: {
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // plain text (metrics, html)
  }
  return { status: res.status, body: parsed };
}
