// Decodes HID boot-keyboard reports from a keyboard-wedge magstripe reader into swipe text. Pure.
// A report is [modifiers, reserved, key1..key6] (optionally preceded by a report id). A key types its
// character on the report where it first appears; Enter ends the swipe.

const LEFT_SHIFT = 0x02;
const RIGHT_SHIFT = 0x20;
const ENTER = 0x28;
const KEYPAD_ENTER = 0x58;

// Usage id -> [plain, shifted] for the keys magstripe readers type.
const KEYMAP = new Map<number, [string, string]>();
for (let i = 0; i < 26; i++) {
  const c = String.fromCharCode(97 + i);
  KEYMAP.set(0x04 + i, [c, c.toUpperCase()]);
}
const DIGITS = '1234567890';
const SHIFTED_DIGITS = '!@#$%^&*()';
for (let i = 0; i < 10; i++) KEYMAP.set(0x1e + i, [DIGITS[i] as string, SHIFTED_DIGITS[i] as string]);
const PUNCT: [number, string, string][] = [
  [0x2c, ' ', ' '],
  [0x2d, '-', '_'],
  [0x2e, '=', '+'],
  [0x2f, '[', '{'],
  [0x30, ']', '}'],
  [0x31, '\\', '|'],
  [0x33, ';', ':'],
  [0x34, "'", '"'],
  [0x35, '`', '~'],
  [0x36, ',', '<'],
  [0x37, '.', '>'],
  [0x38, '/', '?'],
];
for (const [usage, plain, shifted] of PUNCT) KEYMAP.set(usage, [plain, shifted]);

export interface WedgeDecoderOptions {
  /** Longest swipe kept; longer input is dropped as noise. */
  maxChars?: number;
}

export class KeyboardWedgeDecoder {
  private held = new Set<number>();
  private buffer = '';
  private overflow = false;
  private readonly maxChars: number;

  constructor(options: WedgeDecoderOptions = {}) {
    this.maxChars = options.maxChars ?? 256;
  }

  /** Feeds one report; returns the swipes completed by it (usually none, at Enter one). */
  push(report: Uint8Array): string[] {
    // 9-byte reports carry a leading report id.
    const r = report.length === 9 ? report.subarray(1) : report;
    if (r.length < 3) return [];
    const shift = ((r[0] as number) & (LEFT_SHIFT | RIGHT_SHIFT)) !== 0;
    const now = new Set<number>();
    const done: string[] = [];
    for (let i = 2; i < r.length; i++) {
      const usage = r[i] as number;
      if (usage <= 0x03) continue; // 0 = none, 1..3 = rollover / error codes
      now.add(usage);
      if (this.held.has(usage)) continue;
      if (usage === ENTER || usage === KEYPAD_ENTER) {
        if (!this.overflow && this.buffer.length > 0) done.push(this.buffer);
        this.reset();
        continue;
      }
      const chars = KEYMAP.get(usage);
      if (!chars) continue;
      if (this.buffer.length >= this.maxChars) {
        this.overflow = true;
        continue;
      }
      this.buffer += shift ? chars[1] : chars[0];
    }
    this.held = now;
    return done;
  }

  /** Text typed since the last Enter (a reader without an Enter suffix is flushed by the caller's timer). */
  flush(): string | null {
    const text = this.overflow || this.buffer.length === 0 ? null : this.buffer;
    this.reset();
    return text;
  }

  /** Drops any partial swipe. */
  reset(): void {
    this.buffer = '';
    this.overflow = false;
  }
}

/** Builds the reports a reader sends for a text (key down, key up per character); for tests and the simulator. */
export function reportsForText(text: string): Uint8Array[] {
  const reverse = new Map<string, [number, boolean]>();
  for (const [usage, [plain, shifted]] of KEYMAP) {
    if (!reverse.has(plain)) reverse.set(plain, [usage, false]);
    if (!reverse.has(shifted)) reverse.set(shifted, [usage, true]);
  }
  const out: Uint8Array[] = [];
  for (const ch of text) {
    const hit = ch === '\n' ? ([ENTER, false] as [number, boolean]) : reverse.get(ch);
    if (!hit) throw new Error(`no key for character code ${ch.charCodeAt(0)}`);
    out.push(Uint8Array.of(hit[1] ? LEFT_SHIFT : 0, 0, hit[0], 0, 0, 0, 0, 0));
    out.push(new Uint8Array(8));
  }
  return out;
}
