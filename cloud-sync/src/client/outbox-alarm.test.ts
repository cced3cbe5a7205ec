import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { OutboxAlarm } from './outbox-alarm.ts';

function logger(): { log: Logger; events: string[] } {
  const events: string[] = [];
  const at = (level: string) => (obj: object) => {
    events.push(`${level} ${String((obj as { event?: string }).event)}`);
  };
  return { events, log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('OutboxAlarm', () => {
  it('rises at the count threshold once and clears below 90 % of it', () => {
    const { log, events } = logger();
    const alarm = new OutboxAlarm({ changes: 100, bytes: 1_000_000 }, log);
    expect(alarm.update({ changes: 99, bytes: 0 })).toBe(false);
    expect(alarm.update({ changes: 100, bytes: 0 })).toBe(true);
    expect(alarm.update({ changes: 150, bytes: 0 })).toBe(true);
    expect(alarm.update({ changes: 95, bytes: 0 })).toBe(true);
    expect(alarm.update({ changes: 90, bytes: 0 })).toBe(true);
    expect(alarm.update({ changes: 89, bytes: 0 })).toBe(false);
    expect(alarm.update({ changes: 99, bytes: 0 })).toBe(false);
    expect(events).toEqual(['warn sync.outbox.alarm', 'info sync.outbox.alarm_cleared']);
  });

  it('rises on bytes alone and clears only when both are below 90 %', () => {
    const { log, events } = logger();
    const alarm = new OutboxAlarm({ changes: 100, bytes: 1000 }, log);
    expect(alarm.update({ changes: 1, bytes: 1000 })).toBe(true);
    expect(alarm.update({ changes: 95, bytes: 10 })).toBe(true);
    expect(alarm.update({ changes: 10, bytes: 10 })).toBe(false);
    expect(events).toHaveLength(2);
  });
});
