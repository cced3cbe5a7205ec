// Waits the integration tests share before they start: the arm link up as the simulation API sees
// it, and READY with the link up as the technician API sees it.
import { waitFor } from '../harness.ts';
import type { TechApi } from '../tech-client.ts';

/** Until the agent's simulation API reports the arm link up. */
export async function waitArmLinkUp(agentUrl: string): Promise<void> {
  await waitFor(
    async () => {
      const s = (await (await fetch(`${agentUrl}/sim/api/state`)).json()) as { arm: { link: string } };
      return s.arm.link === 'up' || undefined;
    },
    15_000,
    'arm link up',
  );
}

/** Until the technician API reports safety READY with the arm link up. */
export async function waitTechReady(api: TechApi, what: string): Promise<void> {
  await waitFor(
    async () => {
      const s = (await api.call('GET', '/status')).json as {
        safety: { state: string };
        arm: { link: string };
      };
      return (s.safety.state === 'READY' && s.arm.link === 'up') || undefined;
    },
    15_000,
    what,
  );
}
