// A text file as runs of whole lines read through one buffer, so that a large file never sits in memory
// whole (jieba's 5 MB dictionary, read once at start: its copy would stay in the process until a garbage
// collection came round to it). Each run is a view of that buffer, valid until the next is asked for.
import { closeSync, openSync, readSync } from 'node:fs';

export function* fileLines(path: string, bufferBytes = 1 << 20): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(bufferBytes);
    let kept = 0;
    for (;;) {
      const read = readSync(fd, buf, kept, buf.length - kept, null);
      const filled = kept + read;
      if (read === 0) {
        if (filled > 0) yield buf.subarray(0, filled);
        return;
      }
      const lastNewline = buf.lastIndexOf(10, filled - 1);
      if (lastNewline === -1) {
        if (filled === buf.length) throw new Error(`${path}: a line longer than ${bufferBytes} bytes`);
        kept = filled;
        continue;
      }
      yield buf.subarray(0, lastNewline + 1);
      // The unfinished last line moves to the front for the next read.
      buf.copyWithin(0, lastNewline + 1, filled);
      kept = filled - lastNewline - 1;
    }
  } finally {
    closeSync(fd);
  }
}
