// GPIO of simulation mode: lines held in memory, driven by the simulation panel.
import { InputListeners, type Gpio, type InputName, type LineValue, type OutputName } from './gpio.ts';

export class VirtualGpio implements Gpio {
  readonly kind = 'virtual' as const;
  private inputs: Record<InputName, LineValue> = { estop: 1, presence: 1, door: 1, customer: 0 };
  private outputs: Record<OutputName, LineValue> = { green: 0, amber: 0, red: 0, buzzer: 0 };
  private listeners = new InputListeners();

  read(input: InputName): LineValue {
    return this.inputs[input];
  }

  watch(input: InputName, listener: (value: LineValue) => void): () => void {
    return this.listeners.add(input, listener);
  }

  write(output: OutputName, value: LineValue): void {
    this.outputs[output] = value;
  }

  output(output: OutputName): LineValue {
    return this.outputs[output];
  }

  /** Drives an input line as the wiring would; emits an edge when the value changes. */
  setLine(input: InputName, value: LineValue): void {
    if (this.inputs[input] === value) return;
    this.inputs[input] = value;
    this.listeners.emit(input, value);
  }

  async close(): Promise<void> {}
}
