// G-code dialect firmware for the simulator process.
import type { FirmwareHooks } from '../protocol/binary-firmware.ts';
import { GcodeFirmware } from '../protocol/gcode-firmware.ts';
import type { SimArm } from '../protocol/sim-arm.ts';
import type { FirmwareEndpoint } from './control-types.ts';

export function createGcodeFirmware(
  arm: SimArm,
  write: (b: Uint8Array) => void,
  now: () => number,
  hooks: FirmwareHooks,
): FirmwareEndpoint {
  return new GcodeFirmware(arm, write, now, hooks);
}
