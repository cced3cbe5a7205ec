import { describe, expect, it } from 'vitest';
import type { CallEventType } from '../schema/supervisor-api.ts';
import { callLines } from './csv-export.ts';
import type { ExportedCallEvent } from './store/call-event-rows.ts';

const HANDLE_S = 9; // column of handle_s

function ev(type: CallEventType, o: Partial<ExportedCallEvent> = {}): ExportedCallEvent {
  return {
    id: `${type}-${Math.random()}`,
    handoffId: 'h1',
    type,
    at: '2026-12-06T10:00:00.000Z',
    queue: 'agent',
    kioskId: 'k1',
    conversationId: 'c1',
    agent: null,
    waitMs: null,
    handleMs: null,
    negativeCue: false,
    reason: null,
    rating: null,
    visitNegative: false,
    ...o,
  } as ExportedCallEvent;
}

describe('callLines', () => {
  it("counts every desk's handling time of a transferred call in handle_s, and the transfer", () => {
    const [line] = callLines([
      ev('enqueued'),
      ev('answered', { agent: 'amy', waitMs: 12_000 }),
      ev('transferred', { agent: 'amy', handleMs: 90_000, reason: 'to_risk' }),
      ev('answered', { agent: 'rui', queue: 'risk', waitMs: 5000 }),
      ev('ended', { agent: 'rui', queue: 'risk', handleMs: 30_500, reason: 'agent_left' }),
    ]);
    expect(line![HANDLE_S]).toBe(120.5);
    expect(line![1]).toBe('risk');
    expect(line!.slice(10, 14)).toEqual(['ended', 'agent_left', 0, 1]);
  });

  it('keeps the handled time of a call abandoned after a requeue, and none for a call never answered', () => {
    const [requeued, never] = callLines([
      ev('enqueued'),
      ev('answered', { agent: 'amy', waitMs: 1000 }),
      ev('requeued', { agent: 'amy', handleMs: 40_000 }),
      ev('abandoned', { waitMs: 20_000, reason: 'cancelled' }),
      ev('enqueued', { handoffId: 'h2' }),
      ev('abandoned', { handoffId: 'h2', waitMs: 8000, reason: 'cancelled' }),
    ]);
    expect(requeued![HANDLE_S]).toBe(40);
    expect(never![HANDLE_S]).toBeNull();
  });
});
