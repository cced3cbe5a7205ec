// G-code dialect firmware for the simulator (step 2).
import type { SimArm } from '../protocol/sim-arm.ts';
import type { FirmwareHooks } from '../protocol/binary-firmware.ts';
import type { FirmwareEndpoint } from './control-types.ts';

export function createGcodeFirmware(
  _arm: SimArm,
  _write: (b: Uint8Array) => void,
  _now: () => number,
  _hooks: FirmwareHooks,
): FirmwareEndpoint {
  throw new Error('gcode dialect not implemented yet');
}
