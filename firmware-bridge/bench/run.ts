// npm run bench -w firmware-bridge: figures of issue 3, written to bench-results/firmware-bridge.json.
// Benchmarks report; they do not fail the build.
import { SerialPort } from 'serialport';
import { openArm, startSimulatorProcess, type ArmController, type SimulatorProcess } from '../src/index.ts';
import { ArmError } from '../src/arm/arm-controller.ts';
import { encodeFrame } from '../src/protocol/frame.ts';
import { encodeMessage } from '../src/protocol/messages.ts';
import { decoderThroughput } from './decoder.ts';
import { startHaltFloor } from './halt-floor.ts';
import {
  percentile,
  round,
  tailOfRuns,
  TAIL_RUNS,
  writeResults,
  type Figure,
} from '../../scripts/lib/bench-results.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const hr = (): bigint => process.hrtime.bigint();
const log = (msg: string): void => void process.stderr.write(`[bench firmware-bridge] ${msg}\n`);

async function rawEchoRtt(port: string, payload: Uint8Array, n: number): Promise<number[]> {
  const sp = new SerialPort({ path: port, baudRate: 115200, autoOpen: false });
  await new Promise<void>((res, rej) => sp.open((e) => (e ? rej(e) : res())));
  let got = 0;
  let wake: (() => void) | null = null;
  sp.on('data', (b: Buffer) => {
    got += b.length;
    wake?.();
  });
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    got = 0;
    const t0 = performance.now();
    const done = new Promise<void>((r) => (wake = () => got >= payload.length && r()));
    sp.write(Buffer.from(payload));
    await done;
    out.push(performance.now() - t0);
  }
  await new Promise<void>((r) => sp.close(() => r()));
  return out;
}

async function commandRtt(arm: ArmController, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await arm.selfTest();
    out.push(performance.now() - t0);
  }
  return out;
}

/** Link losses met by the halt runs (a starved simulator trips its own watchdog on a loaded machine). */
let linkLosses = 0;

/** Resumes the arm, first reconnecting if the link went down. */
async function readyToMove(arm: ArmController): Promise<void> {
  for (;;) {
    try {
      await arm.connect();
      await arm.resume();
      return;
    } catch (e) {
      if (!(e instanceof ArmError)) throw e;
      linkLosses++;
      log(`${e.message}; reconnecting`);
      await sleep(100);
    }
  }
}

async function haltLatency(arm: ArmController, sim: SimulatorProcess, n: number): Promise<number[]> {
  const sent: bigint[] = [];
  for (let i = 0; i < n; i++) {
    await readyToMove(arm);
    const move = arm.moveJoints([i % 2 ? 40 : -40, 85, -85, -90, 0], { speedScale: 0.2 }).catch(() => {});
    await sleep(15);
    const t0 = hr();
    await arm.halt(0);
    sent.push(t0);
    await move;
  }
  // Each halt() is matched with the first receipt at or after its call (repeats come later).
  const receipts = (await sim.control.haltLog()).map((h) => BigInt(h.rxNs)).sort((a, b) => (a < b ? -1 : 1));
  return sent.map((t, i) => {
    const next = sent[i + 1];
    const rx = receipts.find((r) => r >= t && (next === undefined || r < next));
    if (rx === undefined) throw new Error(`no receipt logged for halt ${i}`);
    return Number(rx - t) / 1e6;
  });
}

async function corruption(arm: ArmController, sim: SimulatorProcess, batches: number) {
  await arm.resume().catch(() => {});
  const before = (await sim.control.state()).link as { commands: number };
  await sim.control.inject({ kind: 'corruptBytes', rate: 0.01 });
  let ok = 0;
  let failed = 0;
  let lost = 0;
  const one = async (p: Promise<unknown>): Promise<void> => {
    // "Lost" = neither resolved nor rejected with an ArmError within 30 s.
    const r = await Promise.race([
      p.then(
        () => 'ok',
        (e: unknown) => (e instanceof ArmError ? 'failed' : 'lost'),
      ),
      sleep(30_000).then(() => 'lost'),
    ]);
    if (r === 'ok') ok++;
    else if (r === 'failed') failed++;
    else lost++;
  };
  const t0 = performance.now();
  for (let i = 0; i < batches; i++) {
    const batch = [one(arm.gripper((i % 10) / 10))];
    for (let k = 0; k < 7; k++) batch.push(one(arm.selfTest()));
    await Promise.all(batch);
  }
  const seconds = (performance.now() - t0) / 1000;
  const st = await sim.control.state();
  await sim.control.clearFaults();
  const executed = (st.link as { commands: number }).commands - before.commands;
  return { sent: batches * 8, ok, failed, lost, executed, corrupted: st.bytes.corrupted, seconds };
}

async function main(): Promise<void> {
  const figures: Figure[] = [];

  log('decoder throughput');
  const dec = decoderThroughput();
  figures.push({
    name: 'decoder_mb_per_s',
    value: round(dec.mbPerS, 1),
    unit: 'MB/s',
    target: '>= 100',
    how: `FrameDecoder over 32 MB of ${dec.frameBytes}-byte telemetry frames in 4 KiB chunks (COBS + CRC-16 + header checks), median of 5`,
  });

  log('starting simulators (binary firmware and raw echo, each on its own socat pty)');
  const sim = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
  const echo = await startSimulatorProcess({ echo: true, stderr: 'ignore' });
  const arm = openArm({ dialect: 'binary', path: sim.port });
  try {
    await arm.connect();
    await arm.home();
    const { type, body } = encodeMessage({ type: 'cmd', cmdId: 1, command: { op: 'selfTest' } });
    const probe = encodeFrame({ seq: 1, ack: 0, type, body }).slice();

    log('round trips (interleaved blocks: raw echo, then command)');
    const raw: number[] = [];
    const cmd: number[] = [];
    await commandRtt(arm, 50); // warm-up
    await rawEchoRtt(echo.port, probe, 50);
    for (let b = 0; b < 5; b++) {
      raw.push(...(await rawEchoRtt(echo.port, probe, 100)));
      cmd.push(...(await commandRtt(arm, 100)));
    }
    const rawP50 = percentile(raw, 50);
    const cmdP50 = percentile(cmd, 50);
    figures.push(
      {
        name: 'rtt_p50_ms',
        value: round(cmdP50),
        unit: 'ms',
        how: `ArmController.selfTest() over the binary link through a socat pty to the simulator process: CMD frame out, telemetry + RESULT frames back (${cmd.length} sequential calls)`,
      },
      { name: 'rtt_p99_ms', value: round(percentile(cmd, 99)), unit: 'ms', how: 'same runs as rtt_p50_ms' },
      {
        name: 'raw_echo_rtt_p50_ms',
        value: round(rawP50),
        unit: 'ms',
        how: `the same ${probe.length}-byte frame written with serialport to a socat pty whose other end is a Node process echoing each byte (same simulator executable, --echo), ${raw.length} round trips interleaved with the command runs`,
      },
      {
        name: 'raw_echo_rtt_p99_ms',
        value: round(percentile(raw, 99)),
        unit: 'ms',
        how: 'same runs as raw_echo_rtt_p50_ms',
      },
      {
        name: 'rtt_ratio_vs_raw_pty',
        value: round(cmdP50 / rawP50, 2),
        unit: 'ratio',
        target: '<= 1.5',
        how: 'rtt_p50_ms / raw_echo_rtt_p50_ms, measured in the same run',
      },
    );

    log(`halt latency (${TAIL_RUNS} runs, each followed by its floor)`);
    const haltRuns: number[][] = [];
    const floorRuns: number[][] = [];
    const floor = await startHaltFloor();
    try {
      for (let r = 0; r < TAIL_RUNS; r++) {
        haltRuns.push(await haltLatency(arm, sim, 200));
        floorRuns.push(await floor.run(200));
      }
    } finally {
      await floor.stop();
    }
    const floorP99 = tailOfRuns(floorRuns, 99);
    const halts = haltRuns.flat();
    const haltP99 = tailOfRuns(haltRuns, 99);
    figures.push(
      {
        name: 'halt_latency_p50_ms',
        value: round(percentile(halts, 50)),
        unit: 'ms',
        how: `process.hrtime at ArmController.halt(0) to process.hrtime in the simulator process when the HALT bytes arrived from its pty (CLOCK_MONOTONIC, both processes), arm moving, ${halts.length} halts in ${TAIL_RUNS} runs of 200`,
      },
      {
        name: 'halt_latency_p99_ms',
        value: round(haltP99.value),
        unit: 'ms',
        target: '<= 2',
        how: `median of the ${TAIL_RUNS} runs' p99 (${haltP99.perRun.map((v) => round(v, 2)).join(', ')} ms), same halts as halt_latency_p50_ms; ${linkLosses} link losses (reconnected) during the runs`,
      },
      { name: 'halt_latency_max_ms', value: round(Math.max(...halts)), unit: 'ms', how: 'same runs' },
      {
        name: 'halt_floor_p99_ms',
        value: round(floorP99.value),
        unit: 'ms',
        how: `the floor, same run (after each run of halt_latency): the same HALT frame written with a bare write(2) on a serialport without any driver to a second simulator on its own socat pty (bench/halt-floor.ts), ${floorRuns.flat().length} writes; median of the runs' p99 (${floorP99.perRun.map((v) => round(v, 2)).join(', ')} ms)`,
      },
    );

    log('commands under 1% byte corruption');
    const c = await corruption(arm, sim, 63);
    figures.push(
      {
        name: 'commands_lost_under_corruption',
        value: c.lost,
        unit: 'commands',
        target: '0',
        how: `${c.sent} commands (gripper + 7 selfTest per batch, 8 in flight) with 1% of bytes corrupted both ways (${c.corrupted} bytes hit); lost = neither resolved nor rejected with an ArmError within 30 s`,
      },
      {
        name: 'commands_failed_under_corruption',
        value: c.failed,
        unit: 'commands',
        how: 'same run: rejected with a clear ArmError (timeout, link_down) instead of completing',
      },
      {
        name: 'commands_executed_vs_sent_under_corruption',
        value: round(c.executed / c.sent, 3),
        unit: 'ratio',
        target: '1',
        how: `same run: commands the simulator executed (${c.executed}) over commands sent (${c.sent}); above 1 would mean a duplicate ran`,
      },
      {
        name: 'corruption_run_commands_per_s',
        value: round(c.sent / c.seconds, 1),
        unit: 'commands/s',
        how: 'same run',
      },
    );
  } finally {
    await arm.close();
    await sim.stop();
    await echo.stop();
  }

  log('G-code dialect halt latency (soft reset byte)');
  const gsim = await startSimulatorProcess({ dialect: 'gcode', stderr: 'ignore' });
  const garm = openArm({ dialect: 'gcode', path: gsim.port });
  try {
    await garm.connect();
    await garm.home();
    const gh = await haltLatency(garm, gsim, 100);
    figures.push({
      name: 'gcode_halt_latency_p99_ms',
      value: round(percentile(gh, 99)),
      unit: 'ms',
      how: `as halt_latency_p99_ms, G-code dialect (realtime 0x18 soft reset), ${gh.length} halts`,
    });
  } finally {
    await garm.close();
    await gsim.stop();
  }

  const file = writeResults('firmware-bridge', figures);
  for (const f of figures) log(`${f.name} = ${f.value} ${f.unit}${f.target ? ` (target ${f.target})` : ''}`);
  log(`wrote ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
