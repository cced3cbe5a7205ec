// A word-frequency dictionary in jieba's text format ("word freq [tag]" per line), packed into typed
// arrays: the words' UTF-16 code units end to end, where each word starts, and its frequency. jieba's
// 349,045 words take about 5 MB this way; as JavaScript strings in a Map they would take several times
// that, and the native jieba's own copy cost the agent about 35 MB of resident memory. Pure.

export class WordDictionary {
  /** Sum of all frequencies: the denominator of a word's probability. */
  readonly total: number;
  readonly size: number;

  private constructor(
    private readonly units: Uint16Array,
    /** Word i is units[starts[i]..starts[i + 1]); sorted by code unit. */
    private readonly starts: Uint32Array,
    private readonly freqs: Uint32Array,
  ) {
    this.size = freqs.length;
    let total = 0;
    for (const f of freqs) total += f;
    this.total = total;
  }

  /** Parses jieba's format (UTF-8) from bytes in memory; see parseLines. */
  static parse(bytes: Uint8Array): WordDictionary {
    return WordDictionary.parseLines(() => [bytes]);
  }

  /**
   * Parses jieba's format (UTF-8) from `chunks`, each a run of whole lines, which it goes through twice (to
   * size the arrays, then to fill them): a chunk may be reused once the next is asked for, so a file can be
   * read through one small buffer. Lines must be sorted by word (jieba's dict.txt is) and name each word
   * once. No string per word and no decoded copy of the file, which would leave the process larger than
   * what it keeps.
   */
  static parseLines(chunks: () => Iterable<Uint8Array>): WordDictionary {
    let count = 0;
    let unitCount = 0;
    forEachEntry(chunks(), (bytes, from, to) => {
      count++;
      unitCount += decodeUtf8(bytes, from, to, null, 0);
    });
    const units = new Uint16Array(unitCount);
    const starts = new Uint32Array(count + 1);
    const freqs = new Uint32Array(count);
    let n = 0;
    forEachEntry(chunks(), (bytes, from, to, freq) => {
      const at = starts[n] as number;
      starts[n + 1] = at + decodeUtf8(bytes, from, to, units, at);
      freqs[n] = freq;
      n++;
      return n > 1 && compareUnits(units, starts, n - 2, n - 1) >= 0 ? 'out of order or repeated' : undefined;
    });
    return new WordDictionary(units, starts, freqs);
  }

  /**
   * text[from..to) as a dictionary entry: -1 when no word starts with it, else its frequency (0 when it
   * is only the beginning of longer words).
   */
  probe(text: string, from: number, to: number): number {
    const i = this.lowerBound(text, from, to);
    if (i === this.size) return -1;
    const start = this.starts[i] as number;
    const length = (this.starts[i + 1] as number) - start;
    const n = to - from;
    if (length < n) return -1;
    for (let k = 0; k < n; k++) if (this.units[start + k] !== text.charCodeAt(from + k)) return -1;
    return length === n ? (this.freqs[i] as number) : 0;
  }

  /** The first word not less than text[from..to). */
  private lowerBound(text: string, from: number, to: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(mid, text, from, to) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compare(i: number, text: string, from: number, to: number): number {
    const start = this.starts[i] as number;
    const end = this.starts[i + 1] as number;
    for (let a = start, b = from; ; a++, b++) {
      if (a === end) return b === to ? 0 : -1;
      if (b === to) return 1;
      const d = (this.units[a] as number) - text.charCodeAt(b);
      if (d !== 0) return d;
    }
  }
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 13;

/** Takes one entry (its word is bytes[wordFrom..wordTo)); returns why it is refused, if it is. */
type EntryVisitor = (
  bytes: Uint8Array,
  wordFrom: number,
  wordTo: number,
  freq: number,
) => string | undefined | void;

/** Each "word freq [tag]" line of the chunks; blank lines skipped, anything else malformed throws. */
function forEachEntry(chunks: Iterable<Uint8Array>, visit: EntryVisitor): void {
  let lineNo = 0;
  for (const bytes of chunks) lineNo = entriesOf(bytes, lineNo, visit);
}

/** The entries of one chunk of whole lines, numbered after `lineNo`; returns the last line's number. */
function entriesOf(bytes: Uint8Array, lineNo: number, visit: EntryVisitor): number {
  for (let pos = 0; pos < bytes.length;) {
    let end = bytes.indexOf(10, pos);
    if (end === -1) end = bytes.length;
    lineNo++;
    let p = pos;
    while (p < end && !isSpace(bytes[p] as number)) p++;
    const wordTo = p;
    if (wordTo > pos) {
      while (p < end && isSpace(bytes[p] as number)) p++;
      const digitsFrom = p;
      let freq = 0;
      for (; p < end && (bytes[p] as number) >= 48 && (bytes[p] as number) <= 57; p++)
        freq = freq * 10 + (bytes[p] as number) - 48;
      const refused =
        p === digitsFrom || (p < end && !isSpace(bytes[p] as number))
          ? 'expected "word frequency [tag]"'
          : visit(bytes, pos, wordTo, freq);
      if (refused) {
        const line = Buffer.from(bytes.subarray(pos, Math.min(end, pos + 60))).toString('utf8');
        throw new Error(`dictionary line ${lineNo}: ${refused} ("${line}")`);
      }
    }
    pos = end + 1;
  }
  return lineNo;
}

/** UTF-16 code units of bytes[from..to) written at out[at...] (when out is given); returns their count. */
function decodeUtf8(
  bytes: Uint8Array,
  from: number,
  to: number,
  out: Uint16Array | null,
  at: number,
): number {
  let n = 0;
  for (let i = from; i < to;) {
    const b = bytes[i] as number;
    const size = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let cp = size === 1 ? b : b & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) cp = (cp << 6) | ((bytes[i + k] as number) & 0x3f);
    i += size;
    if (cp > 0xffff) {
      cp -= 0x10000;
      if (out) [out[at + n], out[at + n + 1]] = [0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff)];
      n += 2;
    } else {
      if (out) out[at + n] = cp;
      n++;
    }
  }
  return n;
}

/** Word a against word b, by code unit. */
function compareUnits(units: Uint16Array, starts: Uint32Array, a: number, b: number): number {
  const [aStart, aEnd] = [starts[a] as number, starts[a + 1] as number];
  const [bStart, bEnd] = [starts[b] as number, starts[b + 1] as number];
  for (let i = aStart, j = bStart; ; i++, j++) {
    if (i === aEnd) return j === bEnd ? 0 : -1;
    if (j === bEnd) return 1;
    const d = (units[i] as number) - (units[j] as number);
    if (d !== 0) return d;
  }
}
