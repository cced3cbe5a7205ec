// Preloaded into a bench hub process (hub-process.ts): on SIGUSR2 the hub writes the event-loop delay
// it saw since the last SIGUSR2 as one JSON line on stdout, then starts over.
import { loopDelayProbe } from './loop-delay.ts';

const probe = loopDelayProbe();
process.on('SIGUSR2', () => {
  process.stdout.write(`${JSON.stringify({ event: 'bench.loop_delay', ...probe.read() })}\n`);
  probe.reset();
});
