// 1% of the bytes corrupted in both directions while commands stream (up to 8 in flight): every command
// completes or fails with a clear ArmError, none hangs, and none runs twice.
import { expect, it } from 'vitest';
import { ArmError } from '../src/index.ts';
import { homedRigPerFile } from './helpers/rig.ts';

const rigOf = homedRigPerFile('binary');

it('loses no command under 1% byte corruption', async () => {
  const rig = rigOf();
  const before = (await rig.sim.control.state()).link as { commands: number };
  await rig.sim.control.inject({ kind: 'corruptBytes', rate: 0.01 });
  const outcomes: string[] = [];
  const settle = (p: Promise<unknown>): Promise<void> =>
    p.then(
      () => void outcomes.push('ok'),
      (e: unknown) => {
        expect(e).toBeInstanceOf(ArmError);
        outcomes.push((e as ArmError).code);
      },
    );
  const batches = 25;
  for (let i = 0; i < batches; i++) {
    const batch = [settle(rig.arm.gripper((i % 10) / 10))];
    for (let k = 0; k < 7; k++) batch.push(settle(rig.arm.selfTest()));
    await Promise.all(batch);
  }
  const st = await rig.sim.control.state();
  await rig.sim.control.clearFaults();
  const n = batches * 8;
  expect(outcomes).toHaveLength(n);
  expect(st.bytes.corrupted).toBeGreaterThan(0);
  const link = st.link as { commands: number; decoder: { crcErrors: number; malformed: number } };
  expect(link.decoder.crcErrors + link.decoder.malformed).toBeGreaterThan(0);
  const ok = outcomes.filter((o) => o === 'ok').length;
  console.info(
    `1% corruption: ${ok}/${n} ok; failed: ${outcomes.filter((o) => o !== 'ok').join(',') || 'none'}`,
  );
  // Each command the simulator executed was executed once: never more executions than commands sent.
  expect(link.commands - before.commands).toBeLessThanOrEqual(n);
  expect(link.commands - before.commands).toBeGreaterThanOrEqual(ok);
  expect(ok).toBeGreaterThan(n * 0.9);
});

it('completes commands with dropped bytes and added latency', async () => {
  const rig = rigOf();
  await rig.sim.control.inject({ kind: 'dropBytes', rate: 0.01 });
  await rig.sim.control.inject({ kind: 'latency', ms: 30 });
  const t0 = performance.now();
  for (let i = 0; i < 10; i++) await rig.arm.gripper(i % 2 ? 0.4 : 0.6);
  const st = await rig.sim.control.state();
  await rig.sim.control.clearFaults();
  expect(st.injections).toMatchObject({ dropRate: 0.01, latencyMs: 30 });
  expect(st.bytes.dropped).toBeGreaterThan(0);
  // each command waited out at least the latency both ways
  expect(performance.now() - t0).toBeGreaterThan(10 * 60);
  expect((await rig.sim.control.state()).injections).toMatchObject({ dropRate: 0, latencyMs: 0 });
});

it('gets a HALT through a line corrupting 10% of the bytes, by repeating it until acknowledged', async () => {
  const rig = rigOf();
  await rig.arm.resume().catch(() => {});
  const move = rig.arm.moveJoints([60, 85, -85, -90, 0], { speedScale: 0.2 }).catch((e: unknown) => e);
  await rig.sim.control.waitFor((s) => s.arm.moving);
  await rig.sim.control.inject({ kind: 'corruptBytes', rate: 0.1 });
  const before = (await rig.sim.control.state()).halts;
  await rig.arm.halt(0);
  const st = await rig.sim.control.state();
  await rig.sim.control.clearFaults();
  expect(st.arm.state).toBe('halted');
  expect(st.arm.moving).toBe(false);
  expect(st.halts.count).toBe(before.count + 1);
  console.info(`HALT under 10% corruption: ${st.halts.frames - before.frames} copies reached the simulator`);
  expect(await move).toBeInstanceOf(ArmError);
});
