// The serial port's own thread (a worker_threads worker, see port-thread-handle.ts): it repeats an
// unacknowledged HALT (shared-port.ts) and sends the binary heartbeat, writing to the port's descriptor itself. Nothing
// here waits for the main thread's event loop, so SQLite writes or WebSocket fan-out there cannot delay
// either; but heartbeats stop when the main thread itself stops (MAIN_STALL_MS), so that the firmware's
// watchdog still halts the arm when the host's logic hangs. (serialport itself cannot run in a worker:
// its poller calls back on the main loop, so the port stays open on the main thread.)
import { parentPort, workerData } from 'node:worker_threads';
import { encodeFrame } from '../protocol/frame.ts';
import { encodeMessage } from '../protocol/messages.ts';
import { MAIN_STALL_MS, type ToPortThread } from './port-thread-messages.ts';
import { SharedPort } from './shared-port.ts';

const port = parentPort;
if (!port) throw new Error('port-thread.ts runs as a worker thread only');
const fd = new SharedPort((workerData as { shared: SharedArrayBuffer }).shared);

// ---- HALT repeats: the main thread wrote the HALT once and left it in the shared memory ----

/** How often the thread looks for a HALT to repeat, ms (the driver's own tick was 5 ms too). */
const REPEAT_POLL_MS = 5;
let seenGen = -1;
let lastWrite = 0;

function repeatDue(): void {
  const r = fd.repeating();
  if (!r) return;
  const t = performance.now();
  if (r.gen !== seenGen) {
    // A new HALT: the main thread wrote it a moment ago; the repeats count from here.
    seenGen = r.gen;
    lastWrite = t;
  } else if (t - lastWrite >= r.everyMs) {
    lastWrite = t;
    fd.write(r.bytes);
  }
}
setInterval(repeatDue, REPEAT_POLL_MS);

// ---- heartbeat, gated on the main thread's liveness ----

let heartbeat: ReturnType<typeof setInterval> | null = null;
let lastAlive = fd.aliveCount();
let aliveSeenAt = performance.now();

function mainAlive(t: number): boolean {
  const v = fd.aliveCount();
  if (v !== lastAlive) {
    lastAlive = v;
    aliveSeenAt = t;
  }
  return t - aliveSeenAt <= MAIN_STALL_MS;
}

function beat(): void {
  const t = performance.now();
  if (!mainAlive(t)) return;
  const { type, body } = encodeMessage({ type: 'heartbeat', hostTimeMs: Math.floor(t) >>> 0 });
  // ack 0: acknowledgements stay the main thread's business (they ride on its frames, or a bare ACK).
  fd.write(encodeFrame({ seq: 0, ack: 0, type, body }));
}

function setHeartbeat(periodMs: number | null): void {
  if (heartbeat) clearInterval(heartbeat);
  heartbeat = null;
  if (periodMs === null) return;
  // The main thread asked just now: it counts as alive from here.
  lastAlive = fd.aliveCount();
  aliveSeenAt = performance.now();
  beat();
  heartbeat = setInterval(beat, periodMs);
}

port.on('message', (m: ToPortThread) => {
  switch (m.type) {
    case 'heartbeat':
      setHeartbeat(m.periodMs);
      return;
    case 'opened': {
      const r = fd.repeating();
      if (r) fd.write(r.bytes);
      return;
    }
  }
});
port.postMessage({ type: 'ready' });
