// The G-code line dialect, in the manner of GRBL 1.1: one command per line, answered by `ok` or `error:N`;
// realtime single bytes `?` (status report), `!` (feed hold), `~` (cycle start), 0x18 (soft reset).
// Joints are the axes X Y Z A B C, in degrees; `F` is a feed in degrees per minute that caps the fastest
// joint; the gripper is the "spindle": `M3 S<0..1000>` (per mille open). Pure parsing and formatting.

export const AXES = ['X', 'Y', 'Z', 'A', 'B', 'C'] as const;
export const RT_STATUS = 0x3f; // ?
export const RT_HOLD = 0x21; // !
export const RT_RESUME = 0x7e; // ~
export const RT_RESET = 0x18;
/** GRBL's serial receive buffer: the host keeps at most this many unacknowledged characters in flight. */
export const RX_BUFFER_BYTES = 128;
export const MAX_LINE_BYTES = 80;

/** GRBL error codes used here (subset of GRBL 1.1's list, same numbers). */
export const GcodeError = {
  EXPECTED_COMMAND_LETTER: 1,
  BAD_NUMBER_FORMAT: 2,
  INVALID_STATEMENT: 3,
  SETTING_DISABLED: 5,
  IDLE_ERROR: 8,
  SYSTEM_GC_LOCK: 9,
  OVERFLOW: 11,
  TRAVEL_EXCEEDED: 15,
  UNSUPPORTED_COMMAND: 20,
  MODAL_GROUP_VIOLATION: 21,
  VALUE_WORD_CONFLICT: 33,
} as const;

export const GcodeAlarm = {
  HARD_LIMIT: 1,
  SOFT_LIMIT: 2,
  ABORT_CYCLE: 3,
  WATCHDOG: 10,
  MOTOR_FAULT: 11,
} as const;

export interface GcodeWord {
  letter: string;
  value: number;
}

/** Parses one G-code line into words; strips comments and spaces. Throws GcodeParseError(code). */
export function parseGcodeLine(line: string): GcodeWord[] {
  const src = line
    .replace(/\([^)]*\)/g, '')
    .replace(/;.*$/, '')
    .replace(/\s+/g, '')
    .toUpperCase();
  const words: GcodeWord[] = [];
  let i = 0;
  while (i < src.length) {
    const letter = src[i]!;
    if (letter < 'A' || letter > 'Z') throw new GcodeParseError(GcodeError.EXPECTED_COMMAND_LETTER);
    i++;
    const m = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(src.slice(i));
    if (!m) throw new GcodeParseError(GcodeError.BAD_NUMBER_FORMAT);
    const value = Number(m[0]);
    if (!Number.isFinite(value)) throw new GcodeParseError(GcodeError.BAD_NUMBER_FORMAT);
    words.push({ letter, value });
    i += m[0].length;
  }
  return words;
}

export class GcodeParseError extends Error {
  constructor(readonly code: number) {
    super(`error:${code}`);
  }
}

const fmt = (v: number): string => (Math.round(v * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '') || '0';

/** `G1 X.. Y.. Z.. A.. B.. F..`: a coordinated joint move. */
export function formatMove(targets: readonly number[], feedDegPerMin: number): string {
  const axes = targets.map((t, i) => `${AXES[i]}${fmt(t)}`).join(' ');
  return `G1 ${axes} F${fmt(feedDegPerMin)}`;
}

export function formatGripper(opening: number): string {
  return `M3 S${Math.round(opening * 1000)}`;
}

export type GcodeMachineState =
  'Idle' | 'Run' | 'Hold' | 'Jog' | 'Alarm' | 'Door' | 'Check' | 'Home' | 'Sleep';

export interface StatusReport {
  state: GcodeMachineState;
  /** Sub-state, e.g. Hold:0 (complete) / Hold:1 (decelerating). */
  sub: number | null;
  mpos: number[];
  /** Planner blocks free, receive-buffer bytes free. */
  bf: [number, number] | null;
  feed: number | null;
  /** Extensions of this firmware (ignored by a GRBL host): gripper, homed, faults, temperatures, currents. */
  gripper: number | null;
  homed: boolean | null;
  faults: string[];
  temperatures: number[];
  currents: number[];
  velocities: number[];
  t: number | null;
}

const nums = (s: string): number[] => s.split(',').map(Number);

/** Parses `<Idle|MPos:1.000,2.000,...|Bf:15,128|FS:0,0|...>`; returns null for anything else. */
export function parseStatusReport(line: string): StatusReport | null {
  if (!line.startsWith('<') || !line.endsWith('>')) return null;
  const parts = line.slice(1, -1).split('|');
  const [stateName, subRaw] = (parts[0] ?? '').split(':');
  const states: GcodeMachineState[] = [
    'Idle',
    'Run',
    'Hold',
    'Jog',
    'Alarm',
    'Door',
    'Check',
    'Home',
    'Sleep',
  ];
  if (!states.includes(stateName as GcodeMachineState)) return null;
  const r: StatusReport = {
    state: stateName as GcodeMachineState,
    sub: subRaw === undefined ? null : Number(subRaw),
    mpos: [],
    bf: null,
    feed: null,
    gripper: null,
    homed: null,
    faults: [],
    temperatures: [],
    currents: [],
    velocities: [],
    t: null,
  };
  for (const p of parts.slice(1)) {
    const k = p.indexOf(':');
    if (k < 0) continue;
    const key = p.slice(0, k);
    const val = p.slice(k + 1);
    switch (key) {
      case 'MPos':
        r.mpos = nums(val);
        break;
      case 'Bf': {
        const [a, b] = nums(val);
        r.bf = [a ?? 0, b ?? 0];
        break;
      }
      case 'FS':
      case 'F':
        r.feed = nums(val)[0] ?? null;
        break;
      case 'Gr':
        r.gripper = Number(val);
        break;
      case 'H':
        r.homed = val === '1';
        break;
      case 'Flt':
        r.faults = val ? val.split(',') : [];
        break;
      case 'Tmp':
        r.temperatures = nums(val);
        break;
      case 'Cur':
        r.currents = nums(val);
        break;
      case 'Vel':
        r.velocities = nums(val);
        break;
      case 'T':
        r.t = Number(val);
        break;
    }
  }
  if (r.mpos.some((v) => !Number.isFinite(v))) return null;
  return r;
}

export function formatStatusReport(r: StatusReport): string {
  const f = (a: number[], d = 3): string => a.map((v) => v.toFixed(d)).join(',');
  const parts = [
    r.sub === null ? r.state : `${r.state}:${r.sub}`,
    `MPos:${f(r.mpos)}`,
    ...(r.bf ? [`Bf:${r.bf[0]},${r.bf[1]}`] : []),
    `FS:${Math.round(r.feed ?? 0)},0`,
    ...(r.gripper === null ? [] : [`Gr:${r.gripper.toFixed(3)}`]),
    ...(r.homed === null ? [] : [`H:${r.homed ? 1 : 0}`]),
    `Flt:${r.faults.join(',')}`,
    `Tmp:${f(r.temperatures, 1)}`,
    `Cur:${f(r.currents, 2)}`,
    `Vel:${f(r.velocities, 1)}`,
    ...(r.t === null ? [] : [`T:${Math.round(r.t)}`]),
  ];
  return `<${parts.join('|')}>`;
}

export type GcodeResponse =
  | { kind: 'ok' }
  | { kind: 'error'; code: number }
  | { kind: 'alarm'; code: number }
  | { kind: 'status'; report: StatusReport }
  | { kind: 'banner'; text: string }
  | { kind: 'message'; text: string }
  | { kind: 'unknown'; text: string };

/** Classifies one line the firmware sent. */
export function parseResponse(line: string): GcodeResponse {
  const l = line.trim();
  if (l === 'ok') return { kind: 'ok' };
  let m = /^error:(\d+)$/.exec(l);
  if (m) return { kind: 'error', code: Number(m[1]) };
  m = /^ALARM:(\d+)$/.exec(l);
  if (m) return { kind: 'alarm', code: Number(m[1]) };
  if (l.startsWith('<')) {
    const report = parseStatusReport(l);
    return report ? { kind: 'status', report } : { kind: 'unknown', text: l };
  }
  if (/^Grbl \S+/.test(l)) return { kind: 'banner', text: l };
  if (l.startsWith('[') && l.endsWith(']')) return { kind: 'message', text: l.slice(1, -1) };
  return { kind: 'unknown', text: l };
}
