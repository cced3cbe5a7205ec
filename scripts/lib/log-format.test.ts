import { describe, expect, it } from 'vitest';
import { formatLogLine } from './log-format.ts';

describe('formatLogLine', () => {
  it('formats pino JSON with level, message and extra fields', () => {
    const line = JSON.stringify({ level: 40, time: Date.UTC(2026, 0, 1, 12, 0, 0), msg: 'slow', ms: 12 });
    expect(formatLogLine('hub', line, false)).toBe('12:00:00.000 hub   WARN  slow ms=12');
  });

  it('passes plain text through behind the service tag', () => {
    expect(formatLogLine('sim', 'hello', false)).toMatch(/^\d\d:\d\d:\d\d\.\d{3} sim {3}hello$/);
  });

  it('colours errors only when asked', () => {
    const line = JSON.stringify({ level: 50, msg: 'boom' });
    expect(formatLogLine('agent', line, true)).toContain('\x1b[31m');
    expect(formatLogLine('agent', line, false)).not.toContain('\x1b[');
  });
});
