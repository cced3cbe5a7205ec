// The Node entry: startAgent with the real arm driver (firmware-bridge) and sync client (cloud-sync).
import { openKioskSync } from '@branch/cloud-sync';
import { openArm } from '@branch/firmware-bridge';
import type { AgentOptions } from '../config/agent-options.ts';
import { composeAgent, type RunningAgent } from './compose-agent.ts';

export function startAgent(options: AgentOptions): Promise<RunningAgent> {
  return composeAgent(options, { openArm, openKioskSync });
}
