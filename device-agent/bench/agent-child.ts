// The agent as its own process for the benchmark: options from AGENT_OPTIONS (JSON), one ready line
// ({"event":"ready","url":...,"techUrl":...}) on stdout, clean stop on SIGTERM.
import { startAgent } from '../src/index.ts';

const raw = process.env.AGENT_OPTIONS;
if (!raw) {
  console.error('AGENT_OPTIONS is not set');
  process.exit(2);
}
const agent = await startAgent(JSON.parse(raw));
process.stdout.write(`${JSON.stringify({ event: 'ready', url: agent.url, techUrl: agent.techUrl })}\n`);
const stop = () => void agent.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
