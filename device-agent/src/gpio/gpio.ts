// The GPIO every driver implements: the virtual GPIO (simulation) and onoff over sysfs (hardware).
// Every safety input is wired fail-safe: line value 0 (open circuit, broken wire) is the unsafe state.
//   estop:    1 = normally-closed circuit intact (released), 0 = pressed or wire broken
//   presence: 1 = zone clear,                                0 = person in the zone or sensor lost
//   door:     1 = cabinet door closed,                       0 = door open or switch lost
// The customer sensor at the kiosk front is no safety input and is wired active-high on purpose:
//   customer: 1 = someone stands in front of the kiosk,     0 = nobody, or sensor lost
// so a broken wire reads as "nobody" (no phantom greeting) instead of a customer who never leaves.
// It never feeds the safety supervisor (SafetyController watches estop, presence and door only).

export const INPUTS = ['estop', 'presence', 'door', 'customer'] as const;
export type InputName = (typeof INPUTS)[number];
export const OUTPUTS = ['green', 'amber', 'red', 'buzzer'] as const;
export type OutputName = (typeof OUTPUTS)[number];
export type LineValue = 0 | 1;

export interface Gpio {
  readonly kind: 'virtual' | 'onoff';
  read(input: InputName): LineValue;
  /** Edge events of an input (both edges); returns the unsubscribe function. */
  watch(input: InputName, listener: (value: LineValue) => void): () => void;
  write(output: OutputName, value: LineValue): void;
  /** Current value of an output. */
  output(output: OutputName): LineValue;
  close(): Promise<void>;
}

/** Per-input listener sets shared by the drivers. */
export class InputListeners {
  private sets = new Map<InputName, Set<(value: LineValue) => void>>();
  add(input: InputName, listener: (value: LineValue) => void): () => void {
    let set = this.sets.get(input);
    if (!set) this.sets.set(input, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
  emit(input: InputName, value: LineValue): void {
    for (const l of [...(this.sets.get(input) ?? [])]) l(value);
  }
}
