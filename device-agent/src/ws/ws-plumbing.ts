// Plumbing shared by the kiosk (/ws) and technician (/tech/ws) WebSocket servers: the same-origin
// check on upgrade, refusing an upgrade with a plain HTTP status, frame bytes, and sends that skip
// sockets which are no longer open.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { fromSameOrigin } from '../http/same-origin.ts';

/** True when the upgrade comes from no browser page or from a page of this listener (see same-origin.ts). */
export function sameOrigin(req: IncomingMessage): boolean {
  return fromSameOrigin(req.headers.origin, req.headers.host);
}

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** Hands the server's upgrade requests to `handler`; returns the detach for close. */
export function listenForUpgrades(server: Server, handler: UpgradeHandler): () => void {
  server.on('upgrade', handler);
  return () => server.off('upgrade', handler);
}

/** Ends an upgrade request with an HTTP status line, e.g. `403 Forbidden`. */
export function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
}

/** One received message's bytes, whatever shape ws handed it over in. */
export function frameBytes(data: RawData): Buffer {
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
}

/** Sends text to a socket that is still open; a closing one is skipped. */
export function sendText(ws: WebSocket, text: string): void {
  if (ws.readyState === ws.OPEN) ws.send(text);
}
