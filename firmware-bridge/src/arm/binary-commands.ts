// The binary driver's commands in flight: ids, answer timeouts, and the RESULT that settles each one.
import { ArmError, type ArmErrorCode } from './arm-controller.ts';
import { LinkQueueFullError } from '../protocol/link.ts';
import { ResultCode } from '../protocol/messages.ts';

interface PendingCmd {
  resolve: (detail: string) => void;
  reject: (e: ArmError) => void;
  timer: ReturnType<typeof setTimeout>;
}

const CODE_TO_ERROR: Record<number, ArmErrorCode> = {
  [ResultCode.OUT_OF_LIMITS]: 'out_of_limits',
  [ResultCode.HALTED]: 'halted',
  [ResultCode.FAULT]: 'fault',
  [ResultCode.NOT_HOMED]: 'not_homed',
  [ResultCode.REJECTED]: 'rejected',
};

export class PendingCommands {
  private cmdSeq = 0;
  private readonly pending = new Map<number, PendingCmd>();

  constructor(private readonly stats: { commandTimeouts: number }) {}

  nextId(): number {
    this.cmdSeq = (this.cmdSeq + 1) & 0xffff;
    return this.cmdSeq;
  }

  /** Resolves with the RESULT's detail; `send` puts the command on the link (it may throw when full). */
  track(cmdId: number, op: string, timeoutMs: number, send: () => void): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending.delete(cmdId)) {
          this.stats.commandTimeouts++;
          reject(new ArmError('timeout', `${op} not answered within ${Math.round(timeoutMs)} ms`));
        }
      }, timeoutMs);
      this.pending.set(cmdId, { resolve, reject, timer });
      try {
        send();
      } catch (e) {
        clearTimeout(timer);
        this.pending.delete(cmdId);
        reject(
          e instanceof LinkQueueFullError
            ? new ArmError('rejected', e.message)
            : new ArmError('link_down', String(e)),
        );
      }
    });
  }

  /** A RESULT arrived; one for no command in flight (timed out, or from an earlier session) is ignored. */
  settle(cmdId: number, code: number, detail: string): void {
    const p = this.pending.get(cmdId);
    if (!p) return;
    this.pending.delete(cmdId);
    clearTimeout(p.timer);
    if (code === ResultCode.OK) p.resolve(detail);
    else p.reject(new ArmError(CODE_TO_ERROR[code] ?? 'rejected', detail));
  }

  failAll(code: ArmErrorCode, why: string): void {
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new ArmError(code, why));
    }
  }
}
