// The agent as its own process, killed with SIGKILL while the arm moves: nothing in the agent can
// react, so the firmware's own heartbeat watchdog must halt the arm. Measured on the simulator's
// control channel (its CLOCK_MONOTONIC, the same clock as this process's hrtime). The 300 ms bound is
// asserted as a safety property (watchdog 250 ms plus the polling step), not as a speed figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgentProcess, type AgentProcess } from '../bench/agent-process.ts';
import { TECH_PIN, waitFor } from './harness.ts';
import { waitTechReady } from './support/readiness.ts';
import { TechApi } from './tech-client.ts';

let agent: AgentProcess;

beforeAll(async () => {
  agent = await startAgentProcess({
    tmpPrefix: 'agent-kill-',
    kioskId: 'kiosk-k',
    kioskToken: 'kill-kiosk-token-0123456789abcdef',
    cardKey: 'cd'.repeat(32),
    techPin: TECH_PIN,
    simulatorDeviceStatus: true,
    stderr: 'ignore',
  });
}, 30_000);
afterAll(async () => {
  await agent?.stop('SIGKILL');
});

describe('agent killed with SIGKILL during motion', () => {
  it('leaves the arm halted by the firmware watchdog within 300 ms', async () => {
    const api = await TechApi.signIn(agent.techUrl);
    await waitTechReady(api, 'READY');
    const start = await api.call('POST', '/runbooks/printer-door-close/run', {});
    expect(start.status).toBe(202);
    // Wait for a long move (not the short home): the tool must still be far from its target.
    await waitFor(
      async () => {
        const st = (await api.call('GET', '/status')).json as { runbook: { step: number } | null };
        if ((st.runbook?.step ?? 0) < 2) return undefined;
        return (await agent.sim.control.state()).arm.moving || undefined;
      },
      15_000,
      'arm moving towards the printer door',
    );
    const tripsBefore = (await agent.sim.control.state()).watchdogTrips;
    const killedNs = process.hrtime.bigint();
    agent.child.kill('SIGKILL');
    const stopped = await waitFor(
      async () => {
        const s = await agent.sim.control.state();
        return !s.arm.moving ? s : undefined;
      },
      5000,
      'arm stopped',
    );
    const ms = Number(BigInt(stopped.nowNs) - killedNs) / 1e6;
    expect(stopped.watchdogTrips).toBe(tripsBefore + 1);
    expect(stopped.arm.faults).toContain('watchdog');
    expect(ms).toBeLessThanOrEqual(300);
    // And it stays stopped: nothing drives it any more.
    await new Promise((r) => setTimeout(r, 200));
    expect((await agent.sim.control.state()).arm.moving).toBe(false);
  });
});
