// The simulated firmware's clock. A microcontroller never stops running; the simulator is a process that
// a loaded machine may not schedule for a while. Counted as host silence, such a stall of the simulator
// itself trips the heartbeat watchdog although the host's bytes were waiting in the pty all along (the
// loop reads them only after it runs again). So the firmware's clock skips the part of a stall beyond one
// tick: the watchdog counts host silence over time the firmware actually ran, and a dead host is still
// halted 250 ms of running time after its last byte.

/** A tick gap above this is the process not being scheduled, not the loop's ordinary jitter. */
export const STALL_MS = 50;

export class FirmwareClock {
  private skippedMs = 0;
  private lastTick: number;
  /** The longest stall skipped so far, ms (for /state). */
  longestStallMs = 0;

  constructor(
    private readonly tickMs: number,
    private readonly wallMs: () => number,
  ) {
    this.lastTick = wallMs();
  }

  /** The firmware's time, ms: wall time less the stalls skipped. */
  now(): number {
    return this.wallMs() - this.skippedMs;
  }

  /** Called at each loop tick; returns the gap since the previous one (wall ms). */
  tick(): number {
    const t = this.wallMs();
    const gap = t - this.lastTick;
    this.lastTick = t;
    if (gap > STALL_MS) {
      this.skippedMs += gap - this.tickMs;
      this.longestStallMs = Math.max(this.longestStallMs, gap);
    }
    return gap;
  }
}
