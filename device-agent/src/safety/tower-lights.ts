// Tower light pattern per safety state: green = ready, amber = paused or maintenance, red = stopped.
import type { Gpio, LineValue, OutputName } from '../gpio/gpio.ts';
import type { SafetyState } from './safety-supervisor.ts';

const PATTERN: Record<SafetyState, Record<OutputName, LineValue>> = {
  READY: { green: 1, amber: 0, red: 0, buzzer: 0 },
  MOVING: { green: 1, amber: 1, red: 0, buzzer: 0 },
  PROTECTIVE_STOP: { green: 0, amber: 1, red: 0, buzzer: 0 },
  MAINTENANCE: { green: 0, amber: 1, red: 0, buzzer: 0 },
  ESTOP: { green: 0, amber: 0, red: 1, buzzer: 0 },
  FAULT: { green: 0, amber: 0, red: 1, buzzer: 1 },
};

export function setTowerLights(gpio: Gpio, state: SafetyState): void {
  for (const [out, v] of Object.entries(PATTERN[state]) as [OutputName, LineValue][]) gpio.write(out, v);
}
