// Pluggable decoders for a HID card reader's input reports. Pure (no Node built-ins).
// - 'keyboard': a keyboard-wedge reader's boot-keyboard reports (keyboard-wedge.ts);
// - 'magtek': a raw vendor report in the manner of MagTek's USB HID swipe readers: per-track decode
//   status and length bytes, then fixed-size track data fields (MAGTEK_STYLE_LAYOUT). Other vendors'
//   layouts are a VendorReportLayout away.
import { KeyboardWedgeDecoder } from './keyboard-wedge.ts';

export interface HidReportDecoder {
  readonly name: string;
  /** true when a swipe can end without a report saying so (the reader flushes after a quiet time). */
  readonly needsIdleFlush: boolean;
  /** Feeds one input report; returns the raw track text of swipes it completed ('' = unreadable swipe). */
  push(report: Uint8Array): string[];
  /** Text of a swipe still open (idle flush), or null. */
  flush(): string | null;
  reset(): void;
}

export class KeyboardReportDecoder implements HidReportDecoder {
  readonly name = 'keyboard';
  readonly needsIdleFlush = true;
  private readonly wedge = new KeyboardWedgeDecoder();
  push(report: Uint8Array): string[] {
    return this.wedge.push(report);
  }
  flush(): string | null {
    return this.wedge.flush();
  }
  reset(): void {
    this.wedge.reset();
  }
}

/** Where the fields of one swipe sit in a vendor report (offsets after any report id byte). */
export interface VendorReportLayout {
  /** Bytes of the whole report without its id; shorter reports are rejected. */
  length: number;
  /** Offsets of the decode status byte of tracks 1..3 (0 = decoded). */
  status: [number, number, number];
  /** Offsets of the track data length byte of tracks 1..3. */
  lengths: [number, number, number];
  /** Offsets of the track data fields of tracks 1..3. */
  data: [number, number, number];
  /** Size of each track data field. */
  fieldSize: number;
}

/** MagTek-style: status 1-3 at 0..2, lengths at 3..5, encode type at 6, three 110-byte track fields. */
export const MAGTEK_STYLE_LAYOUT: VendorReportLayout = {
  length: 337,
  status: [0, 1, 2],
  lengths: [3, 4, 5],
  data: [7, 117, 227],
  fieldSize: 110,
};

const SENTINELS: [string, string][] = [
  ['%', '?'],
  [';', '?'],
  [';', '?'],
];

export class VendorReportDecoder implements HidReportDecoder {
  readonly needsIdleFlush = false;
  constructor(
    readonly name: string,
    private readonly layout: VendorReportLayout,
  ) {}

  push(report: Uint8Array): string[] {
    const l = this.layout;
    // A leading report id makes the report one byte longer than the layout.
    const r = report.length === l.length + 1 ? report.subarray(1) : report;
    if (r.length < l.length) return [];
    let text = '';
    // Tracks 1 and 2 carry the PAN; track 3 is ignored (never needed, never kept).
    for (let t = 0; t < 2; t++) {
      const len = Math.min(r[l.lengths[t] as number] as number, l.fieldSize);
      if (len === 0 || r[l.status[t] as number] !== 0) continue;
      const start = l.data[t] as number;
      let track = '';
      for (let i = start; i < start + len; i++) {
        const b = r[i] as number;
        // Printable ASCII only: anything else makes the track unreadable.
        if (b < 0x20 || b > 0x7e) {
          track = '';
          break;
        }
        track += String.fromCharCode(b);
      }
      if (track === '') continue;
      const [open, close] = SENTINELS[t] as [string, string];
      if (!track.startsWith(open)) track = open + track;
      if (!track.endsWith(close)) track += close;
      text += track;
    }
    // One report is one swipe: an unreadable one still ends as a (bad) swipe the UI can report.
    return [text];
  }

  flush(): string | null {
    return null;
  }

  reset(): void {}
}

export type HidReportFormat = 'keyboard' | 'magtek';

export function createReportDecoder(format: HidReportFormat): HidReportDecoder {
  return format === 'magtek'
    ? new VendorReportDecoder('magtek', MAGTEK_STYLE_LAYOUT)
    : new KeyboardReportDecoder();
}

/** Builds a MagTek-style report for the given track texts (tests, simulation). */
export function magtekReport(
  tracks: { t1?: string; t2?: string; status?: [number, number, number] },
  layout: VendorReportLayout = MAGTEK_STYLE_LAYOUT,
): Uint8Array {
  const r = new Uint8Array(layout.length);
  const put = (t: number, s: string | undefined) => {
    if (s === undefined) return;
    const bytes = new TextEncoder().encode(s).subarray(0, layout.fieldSize);
    r[layout.lengths[t] as number] = bytes.length;
    r.set(bytes, layout.data[t] as number);
  };
  put(0, tracks.t1);
  put(1, tracks.t2);
  const st = tracks.status ?? [0, 0, 0];
  for (let t = 0; t < 3; t++) r[layout.status[t] as number] = st[t] as number;
  return r;
}
