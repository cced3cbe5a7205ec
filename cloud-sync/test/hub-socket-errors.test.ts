// Issue 14, found by the socket fuzz (fuzz-hub-sockets.test.ts): on Node 20 a frame `ws` cannot read
// (text that is not UTF-8, a frame past its limit) reached the hub's error path through
// @hono/node-ws, which builds a global ErrorEvent that Node 20 lacks: the socket's onError never ran
// and the hub logged "ErrorEvent is not defined" as its own failure. Now the peer's error is named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSocket, openSocket, sendFrame, settle } from '../../scripts/lib/fuzz/ws-client.ts';
import { EVENTS_PATH, HANDOFF_WS_PATH, MAX_SIGNAL_BYTES, type RunningHub } from '../src/index.ts';
import { KIOSK_A, TempDirs, startTestHub, waitFor } from './helpers.ts';
import { recordingLogger } from './support/recording-logger.ts';

const dirs = new TempDirs();
const { logger, lines, fields } = recordingLogger();
let hub: RunningHub;
beforeAll(async () => {
  hub = await startTestHub(dirs.make(), { logger });
});
afterAll(async () => {
  await hub?.close();
  dirs.cleanup();
});

const peerErrors = () => fields.filter((f) => f.event === 'hub.ws.peer_error');

describe('socket errors reported by ws', () => {
  it('names the peer’s error (not UTF-8: 1007; too large: 1009) and logs no hub failure', async () => {
    const url = hub.url.replace(/^http/, 'ws');
    const realtime = await openSocket(url + EVENTS_PATH, {
      headers: { authorization: `Bearer ${KIOSK_A.token}` },
    });
    sendFrame(realtime, { badText: Uint8Array.from([0xc0, 0xaf]) });
    await settle(realtime, () => false, 'a close');
    expect(realtime.closeCode).toBe(1007);

    const signalling = await openSocket(url + HANDOFF_WS_PATH);
    sendFrame(signalling, { text: 'x'.repeat(3 * MAX_SIGNAL_BYTES) });
    await settle(signalling, () => false, 'a close');
    expect(signalling.closeCode).toBe(1009);
    await Promise.all([closeSocket(realtime), closeSocket(signalling)]);

    await waitFor('both errors logged', () => peerErrors().length >= 2);
    expect(peerErrors()).toEqual([
      expect.objectContaining({
        socket: 'realtime',
        kioskId: KIOSK_A.id,
        err: expect.stringMatching(/UTF-8/i),
      }),
      expect.objectContaining({ socket: 'signalling', err: expect.stringMatching(/payload/i) }),
    ]);
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(hub.realtimeConnections()).toBe(0);
  });
});
