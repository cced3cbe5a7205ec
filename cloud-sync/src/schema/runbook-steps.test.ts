import { describe, expect, it } from 'vitest';
import { DeviceEventSchema } from './device-event.ts';
import { decodeRunbookSteps, encodeRunbookSteps, MAX_SYNCED_STEPS } from './runbook-steps.ts';

describe('runbook steps in a device event', () => {
  it('round-trips the steps, in order', () => {
    const steps = [
      {
        index: 2,
        label: 'Press the printer door',
        status: 'failed',
        attempts: 3,
        message: 'joint 2 stalled',
      },
      { index: 1, label: 'Home the arm', status: 'succeeded', attempts: 1 },
    ];
    const data = encodeRunbookSteps(steps);
    expect(data.steps_total).toBe(2);
    expect(decodeRunbookSteps(data)).toEqual([
      { index: 1, label: 'Home the arm', status: 'succeeded', attempts: 1, message: null },
      {
        index: 2,
        label: 'Press the printer door',
        status: 'failed',
        attempts: 3,
        message: 'joint 2 stalled',
      },
    ]);
  });

  it('stays within the device event schema for long, hostile and many steps', () => {
    const nasty = '"\\\u0001'.repeat(300);
    const steps = Array.from({ length: 45 }, (_, i) => ({
      index: i + 1,
      label: nasty,
      status: 'failed',
      attempts: 1,
      message: nasty,
    }));
    const data = { runId: 'r', runbookId: 'b', status: 'failed', failedStep: 1, ticketId: 't' };
    const event = {
      id: 'e1',
      kioskId: 'k',
      at: '2026-01-01T00:00:00.000Z',
      source: 'runbook',
      type: 'runbook.result',
      severity: 'error',
      message: 'x',
      data: { ...data, ...encodeRunbookSteps(steps) },
    };
    expect(DeviceEventSchema.safeParse(event).success).toBe(true);
    expect(decodeRunbookSteps(event.data)).toHaveLength(MAX_SYNCED_STEPS);
  });

  it('skips keys that are not steps or do not decode', () => {
    expect(decodeRunbookSteps({ step_1: 'not json', step_x: '[]', other: 1, step_2: '[1,2]' })).toEqual([]);
    expect(decodeRunbookSteps(undefined)).toEqual([]);
  });
});
