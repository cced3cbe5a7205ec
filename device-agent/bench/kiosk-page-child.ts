// The kiosk page's stand-in for the benchmark: a process of its own (as the page's browser is), connected to
// the agent's /ws as the page connects, doing nothing but stamping each Common.StatusChanged with its
// hrtime (CLOCK_MONOTONIC, comparable with the agent's edge times) and printing it as one JSON line.
// Usage: node --import tsx kiosk-page-child.ts AGENT_URL BOOT_TOKEN
import WebSocket from 'ws';

const [url, boot] = process.argv.slice(2) as [string, string];
const ws = new WebSocket(`${url.replace('http', 'ws')}/ws?boot=${encodeURIComponent(boot)}`, { origin: url });
ws.on('message', (data) => {
  const ns = process.hrtime.bigint();
  const m = JSON.parse(String(data)) as { header: { name: string }; payload: { available?: boolean } };
  if (m.header.name === 'Common.StatusChanged')
    process.stdout.write(`${JSON.stringify({ available: m.payload.available === true, ns: String(ns) })}\n`);
});
ws.on('open', () => process.stdout.write('{"open":true}\n'));
ws.on('close', () => process.exit(0));
// The bench closes stdin when it is done (or dies).
process.stdin.on('end', () => ws.close()).resume();
