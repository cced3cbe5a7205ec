// Hub ingest: 100 simulated kiosks push their batches at once; changes per second applied by the hub.
import { kioskChanges, kioskCreds } from './workload.ts';
import { startHubProcess } from './hub-process.ts';

export interface IngestResult {
  changesPerS: number;
  changes: number;
  seconds: number;
}

export async function measureIngest(
  storeEnv: Record<string, string>,
  opts: { kiosks: number; perKiosk: number; batch: number },
): Promise<IngestResult> {
  const creds = kioskCreds(opts.kiosks);
  const hub = await startHubProcess({
    ...storeEnv,
    HUB_SEED_ARTICLES: '0',
    HUB_SEED_KIOSKS: creds.map((k) => `${k.id}:${k.token}`).join(','),
  });
  try {
    // Bodies are built before the clock starts: we measure the hub, not the generator.
    const bodies = creds.map((k) => {
      const all = kioskChanges(k.id, opts.perKiosk);
      const out: string[] = [];
      for (let i = 0; i < all.length; i += opts.batch)
        out.push(JSON.stringify({ changes: all.slice(i, i + opts.batch) }));
      return { token: k.token, bodies: out };
    });
    const push = async (token: string, body: string): Promise<number> => {
      const res = await fetch(`${hub.url}/api/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      const json = (await res.json()) as { applied?: string[] };
      if (!res.ok || !json.applied)
        throw new Error(`push failed: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
      return json.applied.length;
    };
    // Warm-up: one small push, so connection setup and JIT are not in the figure.
    const warm = kioskChanges('bench-0', 5);
    await push(creds[0]?.token as string, JSON.stringify({ changes: warm }));
    const t0 = performance.now();
    const applied = await Promise.all(
      bodies.map(async (k) => {
        let n = 0;
        for (const b of k.bodies) n += await push(k.token, b);
        return n;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const changes = applied.reduce((a, b) => a + b, 0);
    return { changesPerS: changes / seconds, changes, seconds };
  } finally {
    await hub.stop();
  }
}
