// What one G-code line asks of the simulator's firmware (GRBL 1.1 manner): parsing, GRBL's error numbers,
// the modal position and feed a move starts from, and the planner block it queues. System commands (`$`)
// stay with the firmware, which owns their effects.
import { AXES, GcodeError, GcodeParseError, parseGcodeLine } from './gcode.ts';
import { checkJointTargets } from './kinematics.ts';
import type { ResultCodeValue } from './messages.ts';
import type { SimArm } from './sim-arm.ts';

export type Block =
  | { kind: 'move'; targets: number[]; scale: number }
  | { kind: 'gripper'; opening: number }
  | { kind: 'home' }
  | { kind: 'dwell'; ms: number; until?: number };

/** The firmware's modal state a line reads and updates: last commanded position, feed in °/min. */
export interface Modal {
  targets: number[];
  feed: number;
}

export interface LineContext {
  arm: SimArm;
  /** Alarm lock: motion lines are refused with error:9. */
  alarm: boolean;
  modal: Modal;
  /** The fastest joint's limit, °/min (G0's feed). */
  maxFeed: number;
  plan(block: Block): void;
}

/** 0: ok now; N: error:N now; null: ok comes when the block completes. */
export function executeLine(l: string, c: LineContext): number | null {
  let words;
  try {
    words = parseGcodeLine(l);
  } catch (e) {
    return e instanceof GcodeParseError ? e.code : GcodeError.INVALID_STATEMENT;
  }
  if (words.some((w) => !'GMXYZABCFPSN'.includes(w.letter))) return GcodeError.UNSUPPORTED_COMMAND;
  const g = words.filter((w) => w.letter === 'G').map((w) => w.value);
  const m = words.filter((w) => w.letter === 'M').map((w) => w.value);
  if (g.length + m.length > 1) return GcodeError.MODAL_GROUP_VIOLATION;
  const f = words.find((w) => w.letter === 'F');
  if (f && !(f.value > 0)) return GcodeError.VALUE_WORD_CONFLICT;
  const code =
    g[0] ?? (m.length ? undefined : words.some((w) => AXES.includes(w.letter as 'X')) ? 1 : undefined);
  if (code === 90 || code === 21 || code === 94) return 0;
  if (c.alarm) return GcodeError.SYSTEM_GC_LOCK;
  if (code === 0 || code === 1) {
    const targets = c.modal.targets.slice();
    for (const w of words) {
      const i = AXES.indexOf(w.letter as 'X');
      if (i >= 0) {
        if (i >= c.arm.n) return GcodeError.UNSUPPORTED_COMMAND;
        targets[i] = w.value;
      }
    }
    if (f) c.modal.feed = f.value;
    if (checkJointTargets(targets, c.arm.limits)) return GcodeError.TRAVEL_EXCEEDED;
    const scale = code === 0 ? 1 : Math.min(1, c.modal.feed / c.maxFeed);
    c.modal.targets = targets;
    c.plan({ kind: 'move', targets, scale });
    return 0;
  }
  if (code === 4) {
    const p = words.find((w) => w.letter === 'P')?.value ?? 0;
    if (!(p >= 0)) return GcodeError.VALUE_WORD_CONFLICT;
    c.plan({ kind: 'dwell', ms: p * 1000 });
    return null;
  }
  if (m[0] === 3 || m[0] === 5) {
    const s = m[0] === 5 ? 0 : (words.find((w) => w.letter === 'S')?.value ?? 1000);
    if (!(s >= 0 && s <= 1000)) return GcodeError.VALUE_WORD_CONFLICT;
    c.plan({ kind: 'gripper', opening: s / 1000 });
    return 0;
  }
  return GcodeError.UNSUPPORTED_COMMAND;
}

/** Starts a motion block on the arm: a refusal, or null once it runs (its end comes through `done`). */
export function startMotion(
  arm: SimArm,
  block: Exclude<Block, { kind: 'dwell' }>,
  done: (code: ResultCodeValue) => void,
): { code: ResultCodeValue } | null {
  if (block.kind === 'move') return arm.moveJoints(block.targets, block.scale, done);
  if (block.kind === 'gripper') return arm.setGripper(block.opening, done);
  return arm.home(done);
}
