// Benchmarks of the branch in a box (issue 2): time from `npm start` to "kiosk ready", and the
// device-agent's resident memory once idle. Writes bench-results/branch.json; never fails the build.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBranch, type BranchCommand } from './lib/branch-process.ts';
import { median, round, writeResults, type Figure } from './lib/bench-results.ts';

const RUNS = 3;

/** Starts the branch on a fresh data folder; seconds to "kiosk ready" and the agent's RSS 2 s later. */
async function startOnce(command: BranchCommand): Promise<{ seconds: number; rssMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'branch-bench-'));
  const started = performance.now();
  const branch = await startBranch(dataDir, {}, command);
  const seconds = (performance.now() - started) / 1000;
  try {
    await new Promise((r) => setTimeout(r, 2000));
    const status = readFileSync(`/proc/${branch.runtime.agent.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return { seconds, rssMb: rssKb / 1024 };
  } finally {
    await branch.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const full: number[] = [];
  const prebuilt: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    full.push((await startOnce('npm start')).seconds);
    const r = await startOnce('launcher');
    prebuilt.push(r.seconds);
    rss.push(r.rssMb);
  }
  const figures: Figure[] = [
    {
      name: 'start_to_ready_s',
      value: median(full),
      unit: 's',
      how: `median of ${RUNS}: \`npm start\` (kiosk-ui build + hub + simulator + agent) to the "kiosk ready" line, fresh data folder`,
    },
    {
      name: 'start_to_ready_prebuilt_s',
      value: median(prebuilt),
      unit: 's',
      how: `median of ${RUNS}: the launcher alone ("npm run start:only"; pages already built) to the "kiosk ready" line`,
    },
    {
      name: 'agent_rss_mb',
      value: median(rss),
      unit: 'MB',
      target: '<= 120',
      how: `median of ${RUNS}: VmRSS of the device-agent process 2 s after ready, idle, simulator connected`,
    },
  ];
  writeResults(
    'branch',
    figures.map((f) => ({ ...f, value: f.value === null ? null : round(f.value) })),
  );
}

main().catch((err: unknown) => {
  console.error(`bench-branch: ${(err as Error).message}`);
  process.exit(1);
});
