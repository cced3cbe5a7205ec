// Benchmarks of the branch in a box (issue 2): time from `npm start` to "kiosk ready", and the
// device-agent's resident memory once idle. Writes bench-results/branch.json; never fails the build.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBranch, type BranchCommand } from './lib/branch-process.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const RUNS = 3;

interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  how: string;
}

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
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
  const report = {
    part: 'branch',
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version },
    figures: figures.map((f) => ({ ...f, value: Math.round(f.value * 1000) / 1000 })),
  };
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'branch.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

main().catch((err: unknown) => {
  console.error(`bench-branch: ${(err as Error).message}`);
  process.exit(1);
});
