// The handoff signalling socket on Node (`ws`): every connection is handed to HandoffHub, which
// authenticates it by its first message. Deno's entry does the same with Deno.upgradeWebSocket.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { HandoffHub } from '../handoff/handoff-hub.ts';
import { HANDOFF_WS_PATH, MAX_SIGNAL_BYTES } from '../schema/handoff.ts';

export interface HandoffSocketServer {
  connections(): number;
  close(): Promise<void>;
}

export function attachHandoffSocket(server: Server, handoff: HandoffHub): HandoffSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SIGNAL_BYTES });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (new URL(req.url ?? '/', 'http://hub').pathname !== HANDOFF_WS_PATH) return;
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn = handoff.connect({
        send: (text) => {
          if (ws.readyState === ws.OPEN) ws.send(text);
        },
        close: (code, reason) => ws.close(code, reason),
      });
      ws.on('message', (data, isBinary) => {
        if (isBinary) return ws.close(1003, 'text messages only');
        conn.message(data.toString());
      });
      ws.on('close', () => conn.closed());
      ws.on('error', () => ws.terminate());
    });
  };
  server.on('upgrade', onUpgrade);
  return {
    connections: () => wss.clients.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.off('upgrade', onUpgrade);
        handoff.closeAll();
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}
