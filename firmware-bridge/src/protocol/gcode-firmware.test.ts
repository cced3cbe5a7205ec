// The simulator's G-code firmware on a fake clock.
import { describe, expect, it } from 'vitest';
import { GcodeFirmware } from './gcode-firmware.ts';
import { PLANNER_BLOCKS } from './gcode-status-report.ts';
import { FIXTURES } from './kinematics.ts';
import { SimArm } from './sim-arm.ts';

function rig() {
  let t = 0;
  const out: string[] = [];
  let partial = '';
  const arm = new SimArm(() => t);
  const halts: [number, number, boolean][] = [];
  const fw = new GcodeFirmware(
    arm,
    (b) => {
      partial += new TextDecoder().decode(b);
      const lines = partial.split('\r\n');
      partial = lines.pop()!;
      out.push(...lines.filter(Boolean));
    },
    () => t,
    { onHalt: (id, c, first) => halts.push([id, c, first]) },
  );
  const send = (s: string): void => fw.push(new TextEncoder().encode(s));
  const advance = (ms: number, poll = true): void => {
    for (let k = 0; k < ms; k += 5) {
      t += 5;
      if (poll && k % 50 === 0) send('?');
      fw.tick();
    }
  };
  const replies = (): string[] =>
    out.filter((l) => l === 'ok' || l.startsWith('error') || l.startsWith('ALARM'));
  return { arm, fw, out, send, advance, replies, halts };
}

describe('G-code firmware', () => {
  it('is locked until homed, then streams moves and answers a dwell after the motion', () => {
    const r = rig();
    r.send('G1 X10\n');
    expect(r.replies()).toEqual(['error:9']);
    r.send('$H\n');
    r.advance(50);
    expect(r.replies()).toEqual(['error:9']); // homing still running
    r.advance(2000);
    expect(r.replies()).toEqual(['error:9', 'ok']);
    r.send('G1 X20 Y80 Z-80 A-90 B0 F7200\nM3 S250\nG4 P0\n');
    expect(r.replies()).toEqual(['error:9', 'ok', 'ok', 'ok']); // moves are queued, the dwell waits
    r.advance(50);
    expect(r.out.some((l) => l.startsWith('<Run|'))).toBe(true);
    r.advance(2000);
    expect(r.replies()).toEqual(['error:9', 'ok', 'ok', 'ok', 'ok']);
    expect(r.arm.positions[0]).toBeCloseTo(20, 6);
    expect(r.arm.gripper).toBeCloseTo(0.25, 6);
    expect(r.out.at(-1)).toMatch(/^<Idle\|MPos:20\.000,80\.000/);
  });

  it('refuses out-of-limit targets, unknown commands and overlong lines', () => {
    const r = rig();
    r.send('$H\n');
    r.advance(2000);
    r.send('G1 Y400\nG38 X1\nG1 X1 X\n' + 'G1 X' + '1'.repeat(100) + '\n');
    // the overlong line is refused as it arrives, the others as the line queue is worked
    expect(r.replies().slice(1).sort()).toEqual(['error:11', 'error:15', 'error:2', 'error:20']);
    expect(r.arm.positions[1]).toBeCloseTo(90, 6);
  });

  it('fills at most 15 planner blocks and keeps the rest in the receive buffer', () => {
    const r = rig();
    r.send('$H\n');
    r.advance(2000);
    let lines = '';
    for (let i = 0; i < 20; i++) lines += `G1 X${i % 2 ? 5 : -5}\n`;
    r.send(lines.slice(0, 120));
    const oks = r.replies().length - 1;
    expect(oks).toBeLessThanOrEqual(PLANNER_BLOCKS + 1);
    r.advance(10_000);
    expect(r.replies().filter((x) => x === 'ok').length).toBeGreaterThan(oks);
  });

  it('soft reset mid-move stops at once, prints the banner, raises ALARM:3; $X unlocks', () => {
    const r = rig();
    r.send('$H\n');
    r.advance(2000);
    r.send('G1 X150\n');
    r.advance(200);
    r.send('\x18');
    expect(r.arm.state).toBe('halted');
    expect(r.out).toContain("Grbl 1.1h ['$' for help]");
    expect(r.replies().at(-1)).toBe('ALARM:3');
    expect(r.halts[0]).toEqual([1, 0, true]);
    r.send('G1 X0\n');
    expect(r.replies().at(-1)).toBe('error:9');
    r.send('$X\n');
    expect(r.replies().at(-1)).toBe('ok');
    expect(r.arm.state).toBe('idle');
  });

  it('feed hold decelerates and reports Hold:0; cycle start finishes the move', () => {
    const r = rig();
    r.send('$H\n');
    r.advance(2000);
    r.send('G1 X100\nG4 P0\n');
    r.advance(200);
    r.send('!');
    r.advance(300);
    r.send('?');
    expect(r.out.at(-1)).toMatch(/^<Hold:0\|/);
    r.send('~');
    r.advance(3000);
    expect(r.arm.positions[0]).toBeCloseTo(100, 6);
    expect(r.replies().at(-1)).toBe('ok');
  });

  it('trips the watchdog when the host falls silent, and acts on fixtures', () => {
    const r = rig();
    r.send('$H\n');
    r.advance(2000);
    r.arm.setFixtureState('touchscreen.recalibrateButton', 'uncalibrated');
    const j = FIXTURES['touchscreen.recalibrateButton']!.joints;
    r.send(
      `G1 X${j[0]!.toFixed(4)} Y${j[1]!.toFixed(4)} Z${j[2]!.toFixed(4)} A${j[3]!.toFixed(4)} B${j[4]}\n`,
    );
    r.advance(4000);
    expect(r.arm.fixtures['touchscreen.recalibrateButton']!.state).toBe('calibrated');
    expect(r.fw.watchdogTrips).toBe(0);
    r.advance(300, false);
    expect(r.fw.watchdogTrips).toBe(1);
    expect(r.arm.faults.has('watchdog')).toBe(true);
    expect(r.replies().at(-1)).toBe('ALARM:10');
  });
});
