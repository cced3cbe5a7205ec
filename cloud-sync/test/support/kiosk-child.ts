// A kiosk in its own process, for the SIGKILL tests: writes conversations and messages as fast as
// it can in small transactions while the client pushes them (batches of BATCH). Prints
// {"event":"pushing","committed":n} whenever a push is in flight, so the test can kill it mid-batch.
// Env: KIOSK_DB, HUB_URL, KIOSK_ID, KIOSK_TOKEN, BATCH.
import Database from 'better-sqlite3';
import { ulid } from 'ulid';
import { openKioskSync } from '../../src/index.ts';

const env = process.env;
const kioskId = env.KIOSK_ID as string;
const db = new Database(env.KIOSK_DB as string);
const sync = openKioskSync(db, {
  hubUrl: env.HUB_URL as string,
  kioskId,
  token: env.KIOSK_TOKEN as string,
  batchSize: Number(env.BATCH ?? 50),
  realtime: false,
  backoffBaseMs: 20,
  backoffCapMs: 200,
  pushIntervalMs: 50,
});
let committed = 0;
sync.onStatus((s) => {
  if (s.state === 'syncing') process.stdout.write(`${JSON.stringify({ event: 'pushing', committed })}\n`);
});
sync.start();
const write = db.transaction(() => {
  const at = new Date().toISOString();
  const c = { id: `c-${ulid()}`, kioskId, locale: 'en' as const, startedAt: at };
  sync.outbox.enqueue({ entity: 'conversation', data: c });
  sync.outbox.enqueue({
    entity: 'message',
    data: { id: `m-${ulid()}`, conversationId: c.id, role: 'customer', text: 'hello', at },
  });
});
for (;;) {
  write();
  committed += 2;
  sync.nudge();
  await new Promise((r) => setTimeout(r, 2));
}
