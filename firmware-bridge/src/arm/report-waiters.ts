// Callers waiting for the arm's next status report: the G-code driver's resume() resolves only once a
// report taken after $X has been applied, so that the driver's view is the firmware's when it returns.
import { ArmError } from './arm-controller.ts';

interface Waiter {
  done: (err: Error | null) => void;
}

export class ReportWaiters {
  private readonly waiting = new Set<Waiter>();

  /** Resolves at the next `reported()`; rejects at `fail()` or with `timeout` after `timeoutMs`. */
  next(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        done: (err) => {
          clearTimeout(timer);
          this.waiting.delete(waiter);
          if (err) reject(err);
          else resolve();
        },
      };
      const timer = setTimeout(
        () => waiter.done(new ArmError('timeout', `no status report in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.add(waiter);
    });
  }

  /** A report was applied: every waiter resolves. */
  reported(): void {
    for (const w of [...this.waiting]) w.done(null);
  }

  /** The link was lost: every waiter rejects with `err`. */
  fail(err: ArmError): void {
    for (const w of [...this.waiting]) w.done(err);
  }
}
