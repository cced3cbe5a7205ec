// The device-agent process of the branch in a box: simulation mode (virtual card reader and GPIO), the
// arm on the simulator's pty, the kiosk pages from kiosk-ui/dist.
import { hashTechnicianPin, startAgent } from '@branch/device-agent';
import { runService } from '../lib/service-main.ts';
import type { AgentServiceOptions } from '../lib/service-options.ts';

await runService<AgentServiceOptions>(async (o) => {
  const agent = await startAgent({
    host: o.host,
    port: o.port,
    dataDir: o.dataDir,
    staticDir: o.staticDir,
    mode: 'simulation',
    kioskId: o.kioskId,
    hub: o.hub,
    cardKey: o.cardKey,
    arm: o.arm,
    safety: o.safety,
    sync: o.sync,
    voice: o.voice,
    technician: {
      pinHash: await hashTechnicianPin(o.technicianPin),
      ...o.technician,
    },
    deviceStatus: o.simulatorControlUrl
      ? { kind: 'simulator', url: o.simulatorControlUrl }
      : { kind: 'none' },
    logger: { level: o.logLevel },
  });
  return { ready: { url: agent.url, techUrl: agent.techUrl }, close: () => agent.close() };
});
