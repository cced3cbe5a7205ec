// Failed sign-ins per client address in a sliding window, so one address guessing many usernames (or
// locking the shared accounts one by one) is slowed down whatever names it tries. In memory, per hub
// instance; bounded: past `maxAddresses` the address seen longest ago is forgotten.
export interface AddressThrottleOptions {
  /** Failures allowed per address within the window. */
  maxFailures: number;
  windowMs: number;
  maxAddresses?: number;
}

export class AddressThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly o: AddressThrottleOptions) {}

  /** 0 when this address may try now; else how long until its oldest failure leaves the window. */
  retryAfterMs(address: string, now: number): number {
    const recent = this.recent(address, now);
    if (recent.length < this.o.maxFailures) return 0;
    return (recent[recent.length - this.o.maxFailures] as number) + this.o.windowMs - now;
  }

  fail(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    // Re-inserted, so the map's order is least recently failed first.
    this.failures.delete(address);
    this.failures.set(address, recent);
    const max = this.o.maxAddresses ?? 10_000;
    for (const key of this.failures.keys()) {
      if (this.failures.size <= max) break;
      this.failures.delete(key);
    }
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > now - this.o.windowMs);
  }
}
