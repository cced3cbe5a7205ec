import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseChip, readGpioChips, sysfsNumber, type GpioChipInfo } from './sysfs-lines.ts';

const pi5: GpioChipInfo[] = [
  { name: 'gpiochip512', base: 512, ngpio: 32, label: 'gpio-brcmstb@107d508500' },
  { name: 'gpiochip571', base: 571, ngpio: 54, label: 'pinctrl-rp1' },
];

describe('sysfs line resolution', () => {
  it('picks the Pi header chip and offsets lines by its base', () => {
    const chip = chooseChip(pi5);
    expect(chip.name).toBe('gpiochip571');
    expect(sysfsNumber(chip, 17)).toBe(588);
  });
  it('honours an explicit label and names the chips when it is missing', () => {
    expect(chooseChip(pi5, 'gpio-brcmstb@107d508500').base).toBe(512);
    expect(() => chooseChip(pi5, 'nope')).toThrow(/gpiochip512:gpio-brcmstb.*gpiochip571:pinctrl-rp1/);
  });
  it('refuses lines the chip does not have and an ambiguous chip set', () => {
    expect(() => sysfsNumber(pi5[1] as GpioChipInfo, 54)).toThrow(/line 54/);
    expect(() =>
      chooseChip([pi5[0] as GpioChipInfo, { ...(pi5[0] as GpioChipInfo), name: 'gpiochip600', base: 600 }]),
    ).toThrow(/several/);
    expect(() => chooseChip([])).toThrow(/no gpiochip/);
  });
  it('reads chips from a sysfs tree', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gpio-'));
    try {
      for (const c of pi5) {
        await mkdir(join(root, c.name));
        await writeFile(join(root, c.name, 'base'), `${c.base}\n`);
        await writeFile(join(root, c.name, 'ngpio'), `${c.ngpio}\n`);
        await writeFile(join(root, c.name, 'label'), `${c.label}\n`);
      }
      await writeFile(join(root, 'export'), '');
      expect(await readGpioChips(root)).toEqual(pi5);
      await expect(readGpioChips(join(root, 'missing'))).rejects.toThrow(/cannot read/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
