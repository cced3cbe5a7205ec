// Opening and closing a test's WebSocket client, shared by the kiosk and technician clients.
import WebSocket from 'ws';

/** Resolves once the socket is open; rejects on its first error (a refused upgrade, say). */
export function opened(ws: WebSocket): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** Closes the socket and waits for the close; an already closed one returns at once. */
export async function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return;
  await new Promise<void>((resolve) => {
    ws.once('close', () => resolve());
    ws.close();
  });
}
