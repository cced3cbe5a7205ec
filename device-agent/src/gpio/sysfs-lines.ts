// Resolves chip-relative line numbers to sysfs GPIO numbers. On Raspberry Pi OS Bookworm the sysfs
// numbers are offset (512 or 571 by model), so the pin map names lines and this finds the base.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface GpioChipInfo {
  /** e.g. 'gpiochip512' */
  name: string;
  base: number;
  ngpio: number;
  label: string;
}

/** Labels of the Raspberry Pi header chips, most specific first. */
const PI_HEADER_LABELS = ['pinctrl-rp1', 'pinctrl-bcm2711', 'pinctrl-bcm2835'];

/** Picks the chip that carries the lines: by label when given, else a Pi header chip, else the only chip. */
export function chooseChip(chips: GpioChipInfo[], label?: string): GpioChipInfo {
  if (chips.length === 0) throw new Error('GPIO: no gpiochip found under /sys/class/gpio');
  if (label !== undefined) {
    const hit = chips.find((c) => c.label === label || c.name === label);
    if (!hit) {
      throw new Error(
        `GPIO: no gpiochip labelled '${label}' (found ${chips.map((c) => `${c.name}:${c.label}`).join(', ')})`,
      );
    }
    return hit;
  }
  for (const l of PI_HEADER_LABELS) {
    const hit = chips.find((c) => c.label === l);
    if (hit) return hit;
  }
  if (chips.length === 1) return chips[0] as GpioChipInfo;
  throw new Error(
    `GPIO: several gpiochips (${chips.map((c) => `${c.name}:${c.label}`).join(', ')}); set gpio.chip to one label`,
  );
}

/** sysfs number of a chip-relative line; rejects lines the chip does not have. */
export function sysfsNumber(chip: GpioChipInfo, line: number): number {
  if (!Number.isInteger(line) || line < 0 || line >= chip.ngpio) {
    throw new Error(`GPIO: line ${line} is outside ${chip.name} (${chip.label}, ${chip.ngpio} lines)`);
  }
  return chip.base + line;
}

/** Reads base, ngpio and label of every chip under a sysfs root. */
export async function readGpioChips(root = '/sys/class/gpio'): Promise<GpioChipInfo[]> {
  let names: string[];
  try {
    names = (await readdir(root)).filter((n) => n.startsWith('gpiochip'));
  } catch (err) {
    throw new Error(
      `GPIO: cannot read ${root} (${(err as Error).message}); is the sysfs GPIO interface enabled?`,
      {
        cause: err,
      },
    );
  }
  const chips: GpioChipInfo[] = [];
  for (const name of names) {
    const read = async (f: string) => (await readFile(join(root, name, f), 'utf8')).trim();
    chips.push({
      name,
      base: Number(await read('base')),
      ngpio: Number(await read('ngpio')),
      label: await read('label'),
    });
  }
  return chips.sort((a, b) => a.base - b.base);
}
