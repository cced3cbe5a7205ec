// device-agent benchmark: e-stop GPIO edge -> HALT received by the simulator, and agent event ->
// WebSocket client receipt, through the whole agent running as its own process against the real
// simulator (pty) and the real hub; plus the agent's resident memory. Writes bench-results/device-agent.json.
// Reports only; never fails the build.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import {
  percentile as pct,
  round,
  tailOfRuns,
  TAIL_RUNS,
  writeResults,
} from '../../scripts/lib/bench-results.ts';
import { SERVICE_NODE_ARGS, serviceEnv } from '../../scripts/lib/service-runtime.ts';
import { techWsProtocols } from '../src/ws/tech-ws-auth.ts';
import { startAgentProcess } from './agent-process.ts';
import { knowledgeFigures } from './kb-figures.ts';
import { understanderBuildFigures } from './understander-block.ts';
import { clientHere, pageInOwnProcess, stopAfter, wsFloor } from './ws-clients.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

/** The floor: an idle Node process run as the services are (flags, allocator) with nothing else loaded. */
async function nodeFloorMb(): Promise<number> {
  const idle = spawn(process.execPath, [...SERVICE_NODE_ARGS, '-e', 'setTimeout(() => {}, 5000)'], {
    env: serviceEnv(),
    stdio: 'ignore',
  });
  await sleep(1500);
  const mb = rssMb(idle.pid as number);
  idle.kill('SIGTERM');
  await new Promise((r) => idle.once('exit', r));
  return mb;
}

const agent = await startAgentProcess({
  tmpPrefix: 'agent-bench-',
  kioskId: 'kiosk-bench',
  kioskToken: 'bench-kiosk-token-0123456789abcdef',
  cardKey: 'ab'.repeat(32),
  techPin: '135790',
  simulatorDeviceStatus: false,
  stderr: 'inherit',
});
const { sim, child, url, techUrl } = agent;
const techLogin = async () =>
  (
    (await (
      await fetch(`${techUrl}/tech/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pin: '135790' }),
      })
    ).json()) as { token: string }
  ).token;
/** A technician's safety reset: 409 when there is nothing to reset, so the caller judges the answer. */
const postSafetyReset = (token: string) =>
  fetch(`${techUrl}/tech/api/safety/reset`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });

try {
  const state = async () => (await (await fetch(`${url}/sim/api/state`)).json()) as { arm: { link: string } };
  while ((await state()).arm.link !== 'up') await sleep(20);
  await sleep(2000);
  const rssIdle = rssMb(child.pid as number);

  /** The agent's VmRSS after streaming arm telemetry to a technician console for 5 s (throttled per client). */
  const streamTelemetry = async (): Promise<{ rss: number; frames: number }> => {
    const token = await techLogin();
    await postSafetyReset(token);
    const tws = new WebSocket(`${techUrl.replace('http', 'ws')}/tech/ws`, techWsProtocols(token));
    let frames = 0;
    tws.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'telemetry') frames++;
    });
    await new Promise((r) => tws.once('open', r));
    await sleep(5000);
    const rss = rssMb(child.pid as number);
    tws.close();
    return { rss, frames };
  };
  // Streaming alone, from idle; the e-stop and ws rounds come after it.
  const streamingFromIdle = await streamTelemetry();

  // As the kiosk page: this boot's secret, and the agent's own Origin.
  const boot = ((await (await fetch(`${url}/kiosk/boot`)).json()) as { token: string }).token;
  // The page's stand-in in a process of its own (ws_event_p99_ms); for comparison, a client in this
  // process, which also runs the hub and its SQLite commits (where the figure's first client lived); and
  // the floor, a bare server process sending to a second stand-in.
  const page = await pageInOwnProcess(url, boot);
  const here = await clientHere(url, boot);
  const wsFloorClient = await wsFloor();

  const gpio = async (active: boolean) =>
    BigInt(
      (
        (await (
          await fetch(`${url}/sim/api/gpio`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-kiosk-boot': boot },
            body: JSON.stringify({ input: 'estop', active }),
          })
        ).json()) as { edgeNs: string }
      ).edgeNs,
    );

  const simState = async () =>
    (await (await fetch(`${url}/sim/api/state`)).json()) as { gpio: { estopPressed: boolean } };
  /** Releases the e-stop and waits until the agent has taken the release (its debounce), so the next press is an edge. */
  const release = async () => {
    await gpio(false);
    while ((await simState()).gpio.estopPressed) await sleep(1);
  };
  /** The first category 0 HALT the simulator received at or after `edge`, as ms after it (null: none in 2 s). */
  const haltAfter = async (edge: bigint): Promise<number | null> => {
    const t0 = Date.now();
    while (Date.now() - t0 < 2000) {
      const rx = (await sim.control.haltLog()).find(
        (h) => h.first && h.category === 0 && BigInt(h.rxNs) >= edge,
      );
      if (rx) return Number(BigInt(rx.rxNs) - edge) / 1e6;
      await sleep(1);
    }
    return null;
  };
  const resetSafety = async (token: string) => {
    const res = await postSafetyReset(token);
    if (res.status !== 200) throw new Error(`safety reset answered ${res.status}`);
  };

  // TAIL_RUNS runs, each: ROUNDS e-stop presses (HALT latency), then up to 100 READY -> ESTOP transitions
  // (StatusChanged latency), each transition after a technician reset.
  const haltRuns: number[][] = [];
  const wsRuns: number[][] = [];
  const wsHereRuns: number[][] = [];
  const floorRuns: number[][] = [];
  let missingHalts = 0;
  for (let run = 0; run < TAIL_RUNS; run++) {
    const haltMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const ms = await haltAfter(await gpio(true));
      if (ms === null) missingHalts++;
      else haltMs.push(ms);
      await release();
    }
    haltRuns.push(haltMs);
    const wsMs: number[] = [];
    const wsHereMs: number[] = [];
    const floorMs: number[] = [];
    const token = await techLogin();
    for (let i = 0; i < Math.min(ROUNDS, 100); i++) {
      await resetSafety(token);
      while (page.at.at(-1)?.available !== true || here.at.at(-1)?.available !== true) await sleep(1);
      const marks = [page.at.length, here.at.length] as const;
      const edge = await gpio(true);
      wsMs.push(Number((await stopAfter(page, marks[0])).ns - edge) / 1e6);
      wsHereMs.push(Number((await stopAfter(here, marks[1])).ns - edge) / 1e6);
      await release();
      // The floor, interleaved: the same kind of message, bare server to a page stand-in.
      const floorMark = wsFloorClient.at.length;
      const sent = await wsFloorClient.send();
      floorMs.push(Number((await stopAfter(wsFloorClient, floorMark)).ns - sent) / 1e6);
    }
    wsRuns.push(wsMs);
    wsHereRuns.push(wsHereMs);
    floorRuns.push(floorMs);
  }
  const haltMs = haltRuns.flat();
  const wsMs = wsRuns.flat();
  const haltTail = tailOfRuns(haltRuns, 99);
  const wsTail = tailOfRuns(wsRuns, 99);
  const wsHereTail = tailOfRuns(wsHereRuns, 99);
  const floorTail = tailOfRuns(floorRuns, 99);
  for (const c of [page, here, wsFloorClient]) c.close();
  const perRun = (t: { perRun: number[] }) => t.perRun.map((v) => round(v, 2)).join(', ');
  const rssAfter = rssMb(child.pid as number);

  // Streaming again, after the rounds.
  const streaming = await streamTelemetry();
  const rssFloor = await nodeFloorMb();

  const figures = [
    {
      name: 'estop_to_halt_p50_ms',
      value: round(pct(haltMs, 50)),
      unit: 'ms',
      target: '<= 5 (p99)',
      how: `${haltMs.length} presses in ${TAIL_RUNS} runs (${missingHalts} without a HALT within 2 s): virtual GPIO edge in the agent process (hrtime) -> first HALT cat 0 bytes at the simulator (its hrtime, same CLOCK_MONOTONIC), real pty`,
    },
    {
      name: 'estop_to_halt_p99_ms',
      value: round(haltTail.value),
      unit: 'ms',
      target: '<= 5',
      how: `as above: median of the ${TAIL_RUNS} runs' p99 (${perRun(haltTail)} ms)`,
    },
    {
      name: 'ws_event_p99_ms',
      value: round(wsTail.value),
      unit: 'ms',
      target: '<= 5',
      how: `${wsMs.length} READY -> ESTOP edges in ${TAIL_RUNS} runs: GPIO edge in the agent (hrtime) -> Common.StatusChanged received (hrtime) by the kiosk page's stand-in, a ws client in a process of its own (bench/kiosk-page-child.ts); median of the runs' p99 (${perRun(wsTail)} ms)`,
    },
    {
      name: 'ws_event_client_beside_hub_p99_ms',
      value: round(wsHereTail.value),
      unit: 'ms',
      how: `same edges, received by a second ws client in the benchmark's own process, which also runs the hub (the agent's sync pushes, SQLite commits): what ws_event_p99_ms measured before the page got a process of its own; median of the runs' p99 (${perRun(wsHereTail)} ms)`,
    },
    {
      name: 'ws_floor_p99_ms',
      value: round(floorTail.value),
      unit: 'ms',
      how: `the floor of ws_event_p99_ms, same run, interleaved with its edges: a bare ws server process (bench/ws-floor-child.ts) sends the same kind of message to a second page stand-in (hrtime before the send -> hrtime at receipt): loopback socket and process scheduling on this machine, no agent; median of the runs' p99 (${perRun(floorTail)} ms)`,
    },
    {
      name: 'rss_idle_mb',
      value: round(rssIdle),
      unit: 'MB',
      target: '<= 120',
      how: 'VmRSS of the agent process 2 s after the arm link came up, idle, telemetry from the simulator flowing in',
    },
    {
      name: 'rss_streaming_mb',
      value: round(streaming.rss),
      unit: 'MB',
      target: '<= 120',
      how: `VmRSS of the agent process after the e-stop and ws rounds and then 5 s streaming arm telemetry to a technician WebSocket client (${streaming.frames} telemetry frames received)`,
    },
    {
      name: 'rss_streaming_from_idle_mb',
      value: round(streamingFromIdle.rss),
      unit: 'MB',
      target: '<= 120',
      how: `VmRSS of the agent process after 5 s streaming arm telemetry to a technician WebSocket client, started from idle before the e-stop and ws rounds (${streamingFromIdle.frames} telemetry frames received)`,
    },
    {
      name: 'rss_node_floor_mb',
      value: round(rssFloor),
      unit: 'MB',
      how: 'VmRSS of an idle node process (same flags as the services) with nothing loaded, same run: the runtime share of the figures above',
    },
    {
      name: 'rss_after_estop_runs_mb',
      value: round(rssAfter),
      unit: 'MB',
      target: '<= 120',
      how: 'VmRSS of the agent process after the e-stop and ws rounds',
    },
    // The build figures first: they time the dictionary's first load, which the knowledge figures also do.
    ...(await understanderBuildFigures()),
    ...knowledgeFigures(),
  ];
  writeResults('device-agent', figures);
} finally {
  await agent.stop('SIGTERM');
}
