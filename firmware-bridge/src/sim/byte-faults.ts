// Byte-level line faults the simulator injects in both directions: drops and corruption at set rates,
// with counters of what they did.
export class ByteFaults {
  dropRate = 0;
  corruptRate = 0;
  readonly counts = { dropped: 0, corrupted: 0 };

  /** Each byte dropped with `dropRate`, else XORed with a random non-zero value with `corruptRate`. */
  mangle(b: Uint8Array): Uint8Array {
    const { dropRate, corruptRate } = this;
    if (dropRate <= 0 && corruptRate <= 0) return b;
    const out = new Uint8Array(b.length);
    let n = 0;
    for (let i = 0; i < b.length; i++) {
      if (dropRate > 0 && Math.random() < dropRate) {
        this.counts.dropped++;
        continue;
      }
      let v = b[i]!;
      if (corruptRate > 0 && Math.random() < corruptRate) {
        v ^= 1 + Math.floor(Math.random() * 255);
        this.counts.corrupted++;
      }
      out[n++] = v;
    }
    return out.subarray(0, n);
  }
}
