// Plumbing shared by the kiosk (/ws) and technician (/tech/ws) WebSocket servers: the same-origin
// check on upgrade, refusing an upgrade with a plain HTTP status, frame bytes, and sends that skip
// sockets which are no longer open.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** True when the request has no Origin (not a browser page) or one on this listener's own host. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || originHost(origin) === req.headers.host;
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
