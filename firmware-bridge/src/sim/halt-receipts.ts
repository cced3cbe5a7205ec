// Every HALT frame the simulator's firmware received, with the monotonic time its bytes arrived: what the
// control channel's `/halts` and `state().halts` report (the benchmark measures HALT latency from these).
import type { HaltRecord, SimulatorState } from './control-types.ts';

export class HaltReceipts {
  /** The latest 2000 receipts. */
  readonly log: HaltRecord[] = [];
  private count = 0;
  private frames = 0;
  private last: HaltRecord | null = null;

  record(haltId: number, category: 0 | 1 | 2, first: boolean, rxNs: bigint): void {
    this.frames++;
    const rec: HaltRecord = { haltId, category, rxNs: rxNs.toString(), first };
    if (first) this.count++;
    this.last = rec;
    this.log.push(rec);
    if (this.log.length > 2000) this.log.splice(0, this.log.length - 2000);
  }

  summary(armHalts: number): SimulatorState['halts'] {
    return {
      count: this.count,
      frames: this.frames,
      lastHaltId: this.last?.haltId ?? null,
      lastHaltNs: this.last?.rxNs ?? null,
      armHalts,
    };
  }
}
