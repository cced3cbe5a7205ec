// Everything a page sends: HTTP requests (URL and body) of the page and its workers, and WebSocket frames
// it sends; and the search of that record for anything that looks like a camera frame or face landmarks.
import type { Page } from 'playwright-core';

export interface Outgoing {
  kind: 'http' | 'ws';
  url: string;
  /** What the request carries: its query string and body (a file's name in the path carries nothing). */
  text: string;
  /** Size of a binary WebSocket frame or request body, in bytes (0 for text). */
  binaryBytes: number;
}

export function recordOutgoing(page: Page): Outgoing[] {
  const sent: Outgoing[] = [];
  page.context().on('request', (r) => {
    const body = r.postDataBuffer();
    const query = new URL(r.url()).search;
    sent.push({ kind: 'http', url: r.url(), text: `${query}\n${r.postData() ?? ''}`, binaryBytes: 0 });
    if (body && body.toString('utf8') !== r.postData()) sent.at(-1)!.binaryBytes = body.length;
  });
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => {
      const binary = typeof f.payload !== 'string';
      sent.push({
        kind: 'ws',
        url: ws.url(),
        text: binary ? '' : (f.payload as string),
        binaryBytes: binary ? f.payload.length : 0,
      });
    });
  });
  return sent;
}

/** Binary frames larger than this could hold an image; the kiosk sends none at all. */
const MAX_BINARY = 256;
const PATTERNS: [string, RegExp][] = [
  ['data: URL', /data:[a-z]+\/[a-z0-9.+-]+[;,]/i],
  ['landmark key', /landmark|blendshape|facialTransformation/i],
  ['long base64 run', /[A-Za-z0-9+/]{200,}={0,2}/],
  ['long number array', /\[\s*(-?\d+(\.\d+)?(e-?\d+)?\s*,\s*){31,}/i],
];

/** What in the record looks like image data or landmarks: "kind url: why". */
export function findImageData(sent: Outgoing[]): string[] {
  const found: string[] = [];
  for (const s of sent) {
    if (s.binaryBytes > MAX_BINARY) found.push(`${s.kind} ${s.url}: ${s.binaryBytes} binary bytes`);
    for (const [why, re] of PATTERNS) if (re.test(s.text)) found.push(`${s.kind} ${s.url}: ${why}`);
  }
  return found;
}
