// A child process for logger-exit.test.ts: the agent's logger on standard output, as under the launcher.
// On the parent's word it logs a burst (so writes are still queued) and exits at once.
import { createAgentLogger } from '../../src/log/agent-logger.ts';

const logger = createAgentLogger({ level: 'info' });
logger.info('ready');
process.on('message', () => {
  for (let i = 0; i < 200; i++) logger.info({ i }, 'a line written after the reader went away');
  process.exit(0);
});
process.send?.('ready');
