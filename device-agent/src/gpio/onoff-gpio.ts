// GPIO over the kernel's sysfs interface with onoff. onoff is imported only here and only in hardware
// mode; a GPIO that cannot be opened is a start-up error, never a fall-back to simulation.
import type * as OnoffModule from 'onoff';
import type { Logger } from 'pino';
import {
  INPUTS,
  InputListeners,
  OUTPUTS,
  type Gpio,
  type InputName,
  type LineValue,
  type OutputName,
} from './gpio.ts';
import { chooseChip, readGpioChips, sysfsNumber } from './sysfs-lines.ts';

export type PinMap = Record<InputName | OutputName, number>;

export interface OnoffGpioOptions {
  pins: PinMap;
  /** gpiochip label or name; default: the Raspberry Pi header chip. */
  chip?: string;
  sysfsRoot?: string;
  logger: Logger;
}

type OnoffLine = InstanceType<typeof OnoffModule.Gpio>;

export class OnoffGpio implements Gpio {
  readonly kind = 'onoff' as const;
  private listeners = new InputListeners();
  private values: Record<InputName, LineValue> = { estop: 0, presence: 0, door: 0, customer: 0 };
  private outputValues: Record<OutputName, LineValue> = { green: 0, amber: 0, red: 0, buzzer: 0 };

  private constructor(
    private readonly inputLines: Map<InputName, OnoffLine>,
    private readonly outputLines: Map<OutputName, OnoffLine>,
  ) {}

  /** Resolves the pin map, exports every line and reads the inputs' first values. */
  static async open(options: OnoffGpioOptions): Promise<OnoffGpio> {
    let onoff: typeof OnoffModule;
    try {
      onoff = await import('onoff');
    } catch (err) {
      throw new Error(`GPIO: cannot load onoff (${(err as Error).message})`, { cause: err });
    }
    if (!onoff.Gpio.accessible) {
      throw new Error(
        'GPIO: /sys/class/gpio is not accessible (not a GPIO board, or no permission: add the user to group gpio)',
      );
    }
    const chip = chooseChip(await readGpioChips(options.sysfsRoot), options.chip);
    const inputs = new Map<InputName, OnoffLine>();
    const outputs = new Map<OutputName, OnoffLine>();
    const used: Record<string, { line: number; sysfs: number }> = {};
    const open = (name: string, direction: 'in' | 'low', edge: 'both' | 'none') => {
      const line = options.pins[name as InputName | OutputName];
      const n = sysfsNumber(chip, line);
      used[name] = { line, sysfs: n };
      try {
        return new onoff.Gpio(n, direction, edge);
      } catch (err) {
        throw new Error(
          `GPIO: cannot open ${name} (line ${line} of ${chip.label} = sysfs ${n}): ${(err as Error).message}`,
          {
            cause: err,
          },
        );
      }
    };
    try {
      for (const name of INPUTS) inputs.set(name, open(name, 'in', 'both'));
      for (const name of OUTPUTS) outputs.set(name, open(name, 'low', 'none'));
    } catch (err) {
      for (const l of [...inputs.values(), ...outputs.values()]) l.unexport();
      throw err;
    }
    options.logger.info(
      { chip: chip.name, label: chip.label, base: chip.base, lines: used },
      'GPIO lines resolved',
    );
    const gpio = new OnoffGpio(inputs, outputs);
    gpio.startWatching();
    return gpio;
  }

  private startWatching(): void {
    for (const [name, line] of this.inputLines) {
      this.values[name] = line.readSync();
      line.watch((err, value) => {
        // A read error reads as 0, as a broken wire would: the unsafe level of a safety input, and
        // "nobody there" for the customer sensor.
        const v: LineValue = err ? 0 : value;
        if (v === this.values[name]) return;
        this.values[name] = v;
        this.listeners.emit(name, v);
      });
    }
  }

  read(input: InputName): LineValue {
    return this.values[input];
  }

  watch(input: InputName, listener: (value: LineValue) => void): () => void {
    return this.listeners.add(input, listener);
  }

  write(output: OutputName, value: LineValue): void {
    this.outputLines.get(output)?.writeSync(value);
    this.outputValues[output] = value;
  }

  output(output: OutputName): LineValue {
    return this.outputValues[output];
  }

  async close(): Promise<void> {
    for (const line of this.inputLines.values()) {
      line.unwatchAll();
      line.unexport();
    }
    for (const line of this.outputLines.values()) line.unexport();
  }
}
