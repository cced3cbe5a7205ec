// A hub in its own process, for the SIGKILL tests. Env: HUB_DATA_DIR, HUB_STORE/HUB_PG_URL/HUB_PG_SCHEMA
// (see bin/hub-env.ts), KIOSKS (id:token,...), STALL_AFTER (n): the n-th push batch stops inside its
// transaction (after its writes, before COMMIT), prints {"event":"in_transaction"} and waits there
// for a minute, so that the test can SIGKILL the hub mid-transaction.
import { startHub } from '../../src/index.ts';
import { storeFromEnv } from '../../bin/hub-env.ts';

const env = process.env;
const stallAfter = Number(env.STALL_AFTER ?? 0);
let batches = 0;
const say = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);

const hub = await startHub({
  host: '127.0.0.1',
  port: Number(env.HUB_PORT ?? 0),
  dataDir: env.HUB_DATA_DIR ?? '.',
  store: storeFromEnv(env),
  seed: {
    kiosks: (env.KIOSKS ?? '')
      .split(',')
      .filter(Boolean)
      .map((p) => {
        const [id = '', token = ''] = p.split(':');
        return { id, token };
      }),
  },
  storeHooks: {
    beforeCommit: (_kioskId, result) => {
      const changes = result.applied.length + result.duplicates.length;
      batches += 1;
      if (stallAfter === 0 || batches !== stallAfter) return;
      say({ event: 'in_transaction', changes });
      // SQLite transactions are synchronous: block the thread itself (the process is about to die).
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
    },
  },
});
say({ event: 'hub.started', url: hub.url });
process.on('SIGTERM', () => void hub.close().then(() => process.exit(0)));
