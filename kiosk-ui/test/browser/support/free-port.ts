// A TCP port free on loopback at this moment (for a server the test starts by port number, like coturn).
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The launcher's environment for a branch whose calls go through coturn only. */
export async function relayOnlyEnv(): Promise<Record<string, string>> {
  return {
    KIOSK_TURN_ENABLED: 'true',
    KIOSK_TURN_RELAY_ONLY: 'true',
    KIOSK_TURN_PORT: String(await freePort()),
  };
}
