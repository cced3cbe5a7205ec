// The harness with one kiosk page's WebSocket connected and the arm link up: the start of every test
// that talks to the agent as the kiosk does. Closes the socket before the harness.
import type { AgentOptions } from '../../src/index.ts';
import { KioskClient, startHarness, type Harness } from '../harness.ts';
import { waitArmLinkUp } from './readiness.ts';

export interface KioskHarness {
  h: Harness;
  c: KioskClient;
  close(): Promise<void>;
}

export async function startKioskHarness(overrides: Partial<AgentOptions> = {}): Promise<KioskHarness> {
  const h = await startHarness(overrides);
  let c: KioskClient | undefined;
  const close = async () => {
    await c?.close();
    await h.close();
  };
  try {
    c = await KioskClient.connect(h.agent.url);
    await waitArmLinkUp(h.agent.url);
    return { h, c, close };
  } catch (err) {
    await close();
    throw err;
  }
}
