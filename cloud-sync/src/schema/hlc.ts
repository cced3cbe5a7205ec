// Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds plus a counter, so that timestamps
// from different kiosks order causally even when their clocks drift. Pure: no Node built-ins.

export interface HlcTimestamp {
  /** Milliseconds since the epoch (the largest physical time seen). */
  wall: number;
  /** Logical counter that orders events within the same millisecond. */
  counter: number;
  /** Node id (kiosk id or 'hub'): the final tie-breaker. */
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const SERIALIZED = /^(\d{15})-(\d{6})-(.{1,64})$/;

export class HlcError extends Error {}

export class Hlc {
  private last: HlcTimestamp;

  constructor(
    readonly node: string,
    private readonly clock: () => number = Date.now,
    /** A remote timestamp further than this ahead of our clock is refused (a broken clock, not news). */
    private readonly maxDriftMs = 60_000,
  ) {
    if (node.length === 0 || node.length > 64) {
      throw new HlcError('HLC node id must be 1-64 characters');
    }
    this.last = { wall: 0, counter: 0, node };
  }

  /** Timestamp for a local event (send or write). Strictly greater than every earlier one. */
  now(): HlcTimestamp {
    const physical = this.clock();
    if (physical > this.last.wall) this.last = { wall: physical, counter: 0, node: this.node };
    else this.last = { wall: this.last.wall, counter: this.bump(this.last.counter), node: this.node };
    return this.last;
  }

  /** Merges a timestamp received from another node; returns the local timestamp of the receipt. */
  receive(remote: HlcTimestamp | string): HlcTimestamp {
    const r = typeof remote === 'string' ? Hlc.parse(remote) : remote;
    const physical = this.clock();
    if (r.wall - physical > this.maxDriftMs) {
      throw new HlcError(`remote clock is ${r.wall - physical} ms ahead (limit ${this.maxDriftMs} ms)`);
    }
    const wall = Math.max(physical, this.last.wall, r.wall);
    let counter: number;
    if (wall === this.last.wall && wall === r.wall)
      counter = this.bump(Math.max(this.last.counter, r.counter));
    else if (wall === this.last.wall) counter = this.bump(this.last.counter);
    else if (wall === r.wall) counter = this.bump(r.counter);
    else counter = 0;
    this.last = { wall, counter, node: this.node };
    return this.last;
  }

  /** Restores the clock after a restart so it never goes back behind what was already issued. */
  restore(persisted: HlcTimestamp | string | null | undefined): void {
    if (!persisted) return;
    const p = typeof persisted === 'string' ? Hlc.parse(persisted) : persisted;
    if (Hlc.compare(p, this.last) > 0) this.last = { wall: p.wall, counter: p.counter, node: this.node };
  }

  private bump(counter: number): number {
    if (counter >= MAX_COUNTER) throw new HlcError('HLC counter overflow');
    return counter + 1;
  }

  /** Fixed-width text whose string order equals the clock order. */
  static serialize(t: HlcTimestamp): string {
    return `${String(t.wall).padStart(WALL_DIGITS, '0')}-${String(t.counter).padStart(COUNTER_DIGITS, '0')}-${t.node}`;
  }

  static parse(text: string): HlcTimestamp {
    const m = SERIALIZED.exec(text);
    if (!m) throw new HlcError(`not an HLC timestamp: ${text.slice(0, 80)}`);
    return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
  }

  static compare(a: HlcTimestamp, b: HlcTimestamp): number {
    if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
    if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
    return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
  }
}

export const HLC_PATTERN = SERIALIZED;
