// The floor of halt_latency_*: the same HALT frame written with a bare synchronous write(2) on a serialport
// with no driver, to a second simulator on its own socat pty, its receipt stamped the same way. What is
// left is the pty, socat and the simulator's own reading on this machine. The floor's simulator has no
// session (no telemetry to send), so it is, if anything, a little quicker than the driver's.
import { writeSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { startSimulatorProcess, type SimulatorProcess } from '../src/index.ts';
import { encodeFrame } from '../src/protocol/frame.ts';
import { encodeMessage } from '../src/protocol/messages.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface HaltFloor {
  /** `n` HALTs, 15 ms apart: ms from the write to the simulator's receipt of each. */
  run(n: number): Promise<number[]>;
  stop(): Promise<void>;
}

export async function startHaltFloor(): Promise<HaltFloor> {
  const sim: SimulatorProcess = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
  const port = new SerialPort({ path: sim.port, baudRate: 115200, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  const fd = (port.port as unknown as { fd: number }).fd;
  let haltId = 0;
  return {
    async run(n) {
      const sent = new Map<number, bigint>();
      for (let i = 0; i < n; i++) {
        haltId = (haltId % 0xffff) + 1;
        const { type, body } = encodeMessage({ type: 'halt', haltId, category: 0 });
        const frame = encodeFrame({ seq: 0, ack: 0, type, body });
        sent.set(haltId, process.hrtime.bigint());
        writeSync(fd, frame);
        await sleep(15);
      }
      const log = await sim.control.haltLog();
      const out: number[] = [];
      for (const [id, t] of sent) {
        const rx = log.find((h) => h.haltId === id && h.first && BigInt(h.rxNs) >= t);
        if (rx) out.push(Number(BigInt(rx.rxNs) - t) / 1e6);
      }
      return out;
    },
    async stop() {
      await new Promise<void>((r) => port.close(() => r()));
      await sim.stop();
    },
  };
}
