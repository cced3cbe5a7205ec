// The hub keeps an idle keep-alive connection open longer than its peers keep one for reuse: a kiosk
// (or a load balancer in front of several hubs) that sends its next push on a connection idle for a few
// seconds must find it open. With Node's 5 s default the hub closed it just as such a request went out,
// and the push failed with ECONNRESET at the first try.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../src/index.ts';
import { KIOSK_A, TempDirs, startTestHub } from './helpers.ts';

const dirs = new TempDirs();
let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub(dirs.make());
});
afterAll(async () => {
  await hub?.close();
  dirs.cleanup();
});

function get(agent: http.Agent): Promise<{ status: number; reused: boolean; keepAlive: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${hub.url}/api/sync/pull?since=`,
      { agent, headers: { authorization: `Bearer ${KIOSK_A.token}` } },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            reused: req.reusedSocket,
            keepAlive: String(res.headers['keep-alive']),
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

describe('HTTP keep-alive at the hub', () => {
  it('announces 65 s and still serves a connection left idle past the old 5 s', async () => {
    // One connection, never expired by the client: whether it survives is up to the hub.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent);
      expect(first).toMatchObject({ status: 200, reused: false, keepAlive: 'timeout=65' });
      await new Promise((r) => setTimeout(r, 6000));
      expect(await get(agent)).toMatchObject({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });
});
