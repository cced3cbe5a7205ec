// The floor of ws_event_p99_ms: a bare WebSocket server in a process of its own that, for each line on its
// stdin, sends one Common.StatusChanged-shaped message to every client and prints the hrtime it took just
// before the send (as the agent's edge time is taken just before its synchronous path to the send). The
// bench connects a second kiosk-page-child.ts to it: what remains is the loopback socket and the
// scheduling of the receiving process on this machine, with no agent in between.
import { createInterface } from 'node:readline';
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
wss.on('listening', () => {
  const { port } = wss.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
const message = JSON.stringify({
  header: { type: 'unsolicited', name: 'Common.StatusChanged', requestId: 0, version: '1.0' },
  payload: { available: false, reason: 'floor' },
});
createInterface({ input: process.stdin })
  .on('line', () => {
    const ns = process.hrtime.bigint();
    for (const ws of wss.clients) ws.send(message);
    process.stdout.write(`${JSON.stringify({ sentNs: String(ns) })}\n`);
  })
  .on('close', () => wss.close(() => process.exit(0)));
