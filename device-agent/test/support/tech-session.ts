// The harness with a technician signed in: its API client and its WebSocket, for the tests that work
// through the technician listener. Closes the socket before the harness.
import { startHarness, type Harness } from '../harness.ts';
import { TechApi, TechSocket } from '../tech-client.ts';

export interface TechSession {
  h: Harness;
  api: TechApi;
  ws: TechSocket;
  close(): Promise<void>;
}

export async function startTechSession(): Promise<TechSession> {
  const h = await startHarness();
  let ws: TechSocket | undefined;
  const close = async () => {
    await ws?.close();
    await h.close();
  };
  try {
    const api = await TechApi.signIn(h.agent.techUrl);
    ws = await TechSocket.connect(h.agent.techUrl, api.token);
    return { h, api, ws, close };
  } catch (err) {
    await close();
    throw err;
  }
}
