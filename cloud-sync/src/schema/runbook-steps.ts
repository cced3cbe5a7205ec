// A failed runbook's steps as they travel in the flat `data` of its `runbook.result` device event (at
// most 40 scalar keys of at most 500 characters): one `step_N` key per step, each a short JSON array.
// The device-agent encodes them, the hub decodes them for the device-fault ticket. Pure.
import type { RunbookStepView } from './ticket-desk-api.ts';

/** At most this many steps travel (with `steps_total`, so a cut is visible). */
export const MAX_SYNCED_STEPS = 30;
const LABEL_MAX = 80;
const MESSAGE_MAX = 120;

export interface StepLike {
  index: number;
  label: string;
  status: string;
  attempts: number;
  message?: string;
}

// Control characters would be escaped six-fold by JSON; without them no value passes 500 characters.
const clean = (s: string, max: number): string => s.replace(/\p{Cc}/gu, ' ').slice(0, max);

export function encodeRunbookSteps(steps: readonly StepLike[]): Record<string, string | number> {
  const out: Record<string, string | number> = { steps_total: steps.length };
  for (const s of steps.slice(0, MAX_SYNCED_STEPS)) {
    out[`step_${s.index}`] = JSON.stringify([
      clean(s.status, 12),
      s.attempts,
      clean(s.label, LABEL_MAX),
      clean(s.message ?? '', MESSAGE_MAX),
    ]);
  }
  return out;
}

/** The steps found in an event's data, in order; keys that do not decode are skipped. */
export function decodeRunbookSteps(data: Record<string, unknown> | undefined): RunbookStepView[] {
  const steps: RunbookStepView[] = [];
  for (const [key, value] of Object.entries(data ?? {})) {
    const m = /^step_(\d{1,3})$/.exec(key);
    if (!m || typeof value !== 'string') continue;
    try {
      const [status, attempts, label, message] = JSON.parse(value) as unknown[];
      if (typeof status !== 'string' || typeof label !== 'string') continue;
      steps.push({
        index: Number(m[1]),
        label,
        status,
        attempts: typeof attempts === 'number' ? attempts : null,
        message: typeof message === 'string' && message !== '' ? message : null,
      });
    } catch {
      continue;
    }
  }
  return steps.sort((a, b) => a.index - b.index);
}
