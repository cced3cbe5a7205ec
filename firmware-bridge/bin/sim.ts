#!/usr/bin/env -S npx tsx
// firmware-bridge-sim: the arm firmware simulator as its own process.
//   npx tsx firmware-bridge/bin/sim.ts --pty [--dialect binary|gcode] [--link PATH]
//   npx tsx firmware-bridge/bin/sim.ts --port PATH [--dialect binary|gcode]
// Prints one JSON line on stdout when ready; logs JSON lines on stderr.
import { jsonLogger } from '../src/logger.ts';
import { Simulator, SocatNotFoundError, type Dialect } from '../src/sim/simulator.ts';

const logger = jsonLogger((l) => process.stderr.write(l), 'firmware-bridge-sim');

function usage(msg: string): never {
  process.stderr.write(
    `${msg}\nusage: firmware-bridge-sim (--pty [--link PATH] | --port PATH) [--dialect binary|gcode] [--joints 5|6] [--baud N] [--echo]\n`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let pty = false;
let port: string | undefined;
let hostPath: string | undefined;
let dialect: Dialect = 'binary';
let baudRate = 115200;
let exitWithStdin = false;
let echo = false;
let joints = 5;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const val = (): string => args[++i] ?? usage(`${a} needs a value`);
  if (a === '--pty') pty = true;
  else if (a === '--port') port = val();
  else if (a === '--exit-with-stdin') exitWithStdin = true;
  else if (a === '--echo') echo = true;
  else if (a === '--joints') {
    joints = Number(val());
    if (joints !== 5 && joints !== 6) usage('--joints must be 5 or 6');
  } else if (a === '--link') hostPath = val();
  else if (a === '--dialect') {
    const d = val();
    if (d !== 'binary' && d !== 'gcode') usage(`unknown dialect ${d}`);
    dialect = d;
  } else if (a === '--baud') baudRate = Number(val());
  else if (a === '--help' || a === '-h') usage('firmware-bridge-sim');
  else usage(`unknown argument ${a}`);
}
if (!pty && !port) usage('give --pty or --port PATH');

const sim = new Simulator({ dialect, pty, port, hostPath, baudRate, logger, echo, joints });
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ msg: 'stopping', signal });
  try {
    await sim.stop();
  } catch (e) {
    logger.error({ msg: 'stop failed', err: (e as Error).message });
  }
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
if (exitWithStdin) {
  // Started by startSimulatorProcess: stop when the parent goes away, even if it was killed.
  process.stdin.on('end', () => void shutdown('parent gone'));
  process.stdin.resume();
}

try {
  await sim.start();
} catch (e) {
  if (e instanceof SocatNotFoundError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  logger.error({ msg: 'simulator failed to start', err: (e as Error).message });
  await sim.stop().catch(() => {});
  process.exit(1);
}
process.stdout.write(
  JSON.stringify({ event: 'ready', port: sim.hostPath, control: sim.controlUrl, dialect, pid: process.pid }) +
    '\n',
);
logger.info({ msg: 'simulator ready', port: sim.hostPath, control: sim.controlUrl, dialect });
