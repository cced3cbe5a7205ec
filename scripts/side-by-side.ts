// Runs npm scripts side by side (`node --import tsx scripts/side-by-side.ts lint typecheck ...`) and
// fails when any fails. `npm test` uses it for the static checks (lint, format, types, build): each is
// one single-threaded process, so on two cores they end in about half the time of one after another.
// Each line is printed as it comes, prefixed with its script's name; a summary says what failed.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

interface Outcome {
  name: string;
  code: number | null;
  seconds: number;
}

function run(name: string): Promise<Outcome> {
  const started = Date.now();
  const child = spawn('npm', ['run', '--silent', name], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? (process.stdout.isTTY ? '1' : '0') },
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${name} | ${line}\n`));
  }
  return new Promise((resolve) => {
    const done = (code: number | null) => resolve({ name, code, seconds: (Date.now() - started) / 1000 });
    child.on('error', (err) => {
      process.stdout.write(`${name} | could not start: ${err.message}\n`);
      done(1);
    });
    child.on('close', done);
  });
}

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: side-by-side.ts <npm script> [<npm script> ...]');
  process.exit(2);
}
const outcomes = await Promise.all(names.map(run));
for (const o of outcomes) {
  const verdict = o.code === 0 ? 'passed' : `FAILED (exit ${o.code})`;
  console.log(`${o.name}: ${verdict} in ${o.seconds.toFixed(1)} s`);
}
if (outcomes.some((o) => o.code !== 0)) process.exit(1);
