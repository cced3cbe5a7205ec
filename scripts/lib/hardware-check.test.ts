import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type BranchConfig } from './config-schema.ts';
import { findMissingDevices } from './hardware-check.ts';
import type { NodeHidApi } from '@branch/device-agent';

/** A sysfs GPIO folder with one chip, as the kernel lays it out. */
function sysfsWithChip(label: string, base: number, ngpio: number): string {
  const root = mkdtempSync(join(tmpdir(), 'hw-sysfs-'));
  const chip = join(root, `gpiochip${base}`);
  mkdirSync(chip);
  writeFileSync(join(chip, 'label'), `${label}\n`);
  writeFileSync(join(chip, 'base'), `${base}\n`);
  writeFileSync(join(chip, 'ngpio'), `${ngpio}\n`);
  return root;
}

/** node-hid as seen with the given devices plugged in. */
function hidWith(devices: { vendorId: number; productId: number }[]): () => Promise<NodeHidApi> {
  const api = {
    devicesAsync: async (vid?: number, pid?: number) =>
      devices.filter((d) => d.vendorId === vid && d.productId === pid),
    HIDAsync: { open: () => Promise.reject(new Error('not used by the check')) },
  };
  return async () => api as unknown as NodeHidApi;
}

const hardware = (over: Partial<BranchConfig>): BranchConfig => ({
  ...DEFAULT_CONFIG,
  agent: { ...DEFAULT_CONFIG.agent, mode: 'hardware' },
  cardReader: { vendorId: 0x0801, productId: 0x0002, report: 'keyboard' },
  arm: { port: '/dev/null', baudRate: 115_200 },
  ...over,
});

describe('hardware check', () => {
  it('finds nothing missing when every configured device is there', async () => {
    const missing = await findMissingDevices(hardware({}), {
      gpioRoot: sysfsWithChip('pinctrl-rp1', 571, 54),
      loadHid: hidWith([{ vendorId: 0x0801, productId: 0x0002 }]),
    });
    expect(missing).toEqual([]);
  });

  it('names the key and the device of each missing one, one line each', async () => {
    const config = hardware({
      arm: { port: '/dev/ttyNoSuchArm', baudRate: 115_200 },
      gpio: { ...DEFAULT_CONFIG.gpio, chip: 'pinctrl-rp1' },
    });
    const missing = await findMissingDevices(config, {
      gpioRoot: sysfsWithChip('pinctrl-bcm2835', 512, 54),
      loadHid: hidWith([{ vendorId: 0x0801, productId: 0x0003 }]),
    });
    expect(missing).toHaveLength(3);
    expect(missing[0]).toMatch(/^arm\.port: \/dev\/ttyNoSuchArm: no such serial device/);
    expect(missing[1]).toMatch(/^gpio\.chip: gpiochip 'pinctrl-rp1': no gpiochip labelled 'pinctrl-rp1'/);
    expect(missing[2]).toMatch(
      /^cardReader\.vendorId\/productId: USB HID card reader 0801:0002: not plugged in/,
    );
  });

  it('names a pin the chip does not have, and a plain file given as the serial port', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hw-file-')), 'ttyUSB0');
    writeFileSync(file, '');
    const config = hardware({
      arm: { port: file, baudRate: 115_200 },
      gpio: { chip: '', pins: { ...DEFAULT_CONFIG.gpio.pins, buzzer: 60 } },
    });
    const missing = await findMissingDevices(config, {
      gpioRoot: sysfsWithChip('pinctrl-bcm2711', 512, 58),
      loadHid: hidWith([{ vendorId: 0x0801, productId: 0x0002 }]),
    });
    expect(missing).toEqual([
      `arm.port: ${file} is not a serial device (not a character device)`,
      'gpio.pins.buzzer: line 60 is outside gpiochip512 (pinctrl-bcm2711, 58 lines)',
    ]);
  });

  it('asks for the card reader ids when they are not set', async () => {
    const missing = await findMissingDevices(
      hardware({ cardReader: { vendorId: 0, productId: 0, report: 'keyboard' } }),
      { gpioRoot: sysfsWithChip('pinctrl-rp1', 571, 54), loadHid: hidWith([]) },
    );
    expect(missing).toEqual([
      'cardReader.vendorId/productId: not set (the USB ids of the card reader, e.g. from `lsusb`)',
    ]);
  });
});
