// The agent's drivers from the branch configuration: hardware mode names the USB HID card reader and the
// sysfs GPIO chip and lines of kiosk.config.json; simulation keeps the agent's virtual ones.
import type { AgentOptions } from '@branch/device-agent';
import type { AgentServiceOptions } from './service-options.ts';

export function agentDrivers(
  o: Pick<AgentServiceOptions, 'mode' | 'cardReader' | 'gpio'>,
): Pick<AgentOptions, 'cardReader' | 'gpio'> {
  if (o.mode === 'simulation') return {};
  const { chip, pins } = o.gpio;
  return {
    cardReader: { kind: 'hid', ...o.cardReader },
    gpio: { kind: 'onoff', pins, ...(chip === '' ? {} : { chip }) },
  };
}
