// The benchmark's baseline endpoint: no firmware, every byte written straight back (a raw pty echo).
import type { SimArm } from '../protocol/sim-arm.ts';
import type { FirmwareEndpoint } from './control-types.ts';

export function createEchoEndpoint(arm: SimArm, write: (b: Uint8Array) => void): FirmwareEndpoint {
  return {
    arm,
    sessionActive: false,
    watchdogTrips: 0,
    push: (b) => write(b),
    tick: () => {},
    stats: () => ({ echo: true }),
  };
}
