// The device-agent process: started by the launcher (options over IPC) or by systemd (options from
// kiosk.config.json). Simulation mode: virtual card reader and GPIO, the arm on the simulator's pty;
// hardware mode: the USB HID card reader, the sysfs GPIO lines and the arm's serial port of the config.
import { hashTechnicianPin, startAgent } from '@branch/device-agent';
import { agentDrivers } from '../lib/agent-drivers.ts';
import { runService } from '../lib/service-main.ts';
import type { AgentServiceOptions } from '../lib/service-options.ts';
import { standaloneAgentOptions } from '../lib/standalone-agent.ts';

await runService<AgentServiceOptions>(
  async (o) => {
    const agent = await startAgent({
      host: o.host,
      port: o.port,
      dataDir: o.dataDir,
      staticDir: o.staticDir,
      mode: o.mode,
      ...agentDrivers(o),
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
  },
  () => standaloneAgentOptions(import.meta.url),
);
