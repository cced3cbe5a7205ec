// Connects the arm without holding up start-up, retrying with backoff until the first HELLO succeeds;
// after that the bridge's own reconnect logic owns the link.
import { Backoff, type ArmController } from '@branch/firmware-bridge';
import type { Logger } from 'pino';

export function keepConnected(arm: ArmController, logger: Logger): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  // One local arm: no fleet to spread, so no jitter.
  const backoff = new Backoff({ baseMs: 250, capMs: 5000, jitter: 'none' });
  const attempt = () => {
    timer = null;
    arm.connect().then(
      () => {
        if (!stopped) logger.info({ firmware: arm.status().firmware }, 'arm connected');
      },
      (err: Error) => {
        if (stopped) return;
        const delay = backoff.next();
        logger.warn({ err: { message: err.message }, retryInMs: delay }, 'arm connect failed');
        timer = setTimeout(attempt, delay);
      },
    );
  };
  attempt();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
