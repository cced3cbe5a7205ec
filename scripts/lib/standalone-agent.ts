// Options of the agent service started by systemd: as the hub's (standalone-options.ts), and in hardware
// mode every configured device is checked first; a missing one stops the start, one line each.
import { requireHardware } from './hardware-check.ts';
import { loadOrCreateSecrets } from './secrets.ts';
import { agentServiceOptions, type AgentServiceOptions } from './service-options.ts';
import { hubUrlFor, pagesDirFor, standaloneBase } from './standalone-options.ts';

export async function standaloneAgentOptions(entryUrl: string): Promise<AgentServiceOptions> {
  const { config, dataDir } = standaloneBase();
  if (config.agent.mode === 'hardware') await requireHardware(config);
  const { secrets } = loadOrCreateSecrets(dataDir);
  return agentServiceOptions(
    config,
    secrets,
    dataDir,
    pagesDirFor(entryUrl),
    hubUrlFor(config),
    config.arm.port,
  );
}
