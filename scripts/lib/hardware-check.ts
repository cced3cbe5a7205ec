// Hardware mode's start-up check: every device named in the configuration must be there. Each missing one
// is one line naming the config key and the device; the caller refuses to start (the simulator is never
// started in a missing device's place).
import { chooseChip, loadNodeHid, readGpioChips, sysfsNumber, type NodeHidApi } from '@branch/device-agent';
import { stat } from 'node:fs/promises';
import type { BranchConfig } from './config-schema.ts';

export interface HardwareCheckIo {
  /** Where the kernel's sysfs GPIO interface lives (tests point it at a folder of their own). */
  gpioRoot?: string;
  loadHid?: () => Promise<NodeHidApi>;
}

const hex = (n: number): string => n.toString(16).padStart(4, '0');

async function checkArm(port: string): Promise<string | null> {
  try {
    const s = await stat(port);
    return s.isCharacterDevice() ? null : `arm.port: ${port} is not a serial device (not a character device)`;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? `arm.port: ${port}: no such serial device (is the arm plugged in? see /dev/branch-arm)`
      : `arm.port: ${port}: cannot be read (${code ?? (err as Error).message})`;
  }
}

async function checkGpio(gpio: BranchConfig['gpio'], root?: string): Promise<string[]> {
  const device = gpio.chip === '' ? 'the Raspberry Pi header gpiochip' : `gpiochip '${gpio.chip}'`;
  try {
    const chip = chooseChip(await readGpioChips(root), gpio.chip === '' ? undefined : gpio.chip);
    const bad: string[] = [];
    for (const [name, line] of Object.entries(gpio.pins)) {
      try {
        sysfsNumber(chip, line);
      } catch (err) {
        bad.push(`gpio.pins.${name}: ${(err as Error).message.replace(/^GPIO: /, '')}`);
      }
    }
    return bad;
  } catch (err) {
    return [`gpio.chip: ${device}: ${(err as Error).message.replace(/^GPIO: /, '')}`];
  }
}

async function checkCardReader(
  reader: BranchConfig['cardReader'],
  loadHid: () => Promise<NodeHidApi>,
): Promise<string | null> {
  if (reader.vendorId === 0 || reader.productId === 0) {
    return 'cardReader.vendorId/productId: not set (the USB ids of the card reader, e.g. from `lsusb`)';
  }
  const device = `USB HID card reader ${hex(reader.vendorId)}:${hex(reader.productId)}`;
  try {
    const hid = await loadHid();
    const found = await hid.devicesAsync(reader.vendorId, reader.productId);
    return found.length > 0
      ? null
      : `cardReader.vendorId/productId: ${device}: not plugged in (no such device)`;
  } catch (err) {
    return `cardReader.vendorId/productId: ${device}: ${(err as Error).message}`;
  }
}

/** One line per device of the configuration that is missing; empty when all are there. */
export async function findMissingDevices(config: BranchConfig, io: HardwareCheckIo = {}): Promise<string[]> {
  const [arm, gpio, card] = await Promise.all([
    checkArm(config.arm.port),
    checkGpio(config.gpio, io.gpioRoot),
    checkCardReader(config.cardReader, io.loadHid ?? loadNodeHid),
  ]);
  return [...(arm === null ? [] : [arm]), ...gpio, ...(card === null ? [] : [card])];
}

/** Thrown when hardware mode cannot start: its message is the missing devices, one a line. */
export class MissingHardwareError extends Error {
  override name = 'MissingHardwareError';
  constructor(readonly lines: string[]) {
    super(lines.map((l) => `hardware mode: ${l}`).join('\n'));
  }
}

export async function requireHardware(config: BranchConfig, io?: HardwareCheckIo): Promise<void> {
  const missing = await findMissingDevices(config, io);
  if (missing.length > 0) throw new MissingHardwareError(missing);
}
