// Turns the JSON log lines of the services (pino) into one readable line each, prefixed by the service.
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const COLORS: Record<string, string> = {
  WARN: '\x1b[33m',
  ERROR: '\x1b[31m',
  FATAL: '\x1b[31m',
  DEBUG: '\x1b[90m',
};
const SKIP = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'name', 'v']);

function levelName(level: unknown): string {
  if (typeof level === 'number') return LEVELS[level] ?? String(level);
  if (typeof level === 'string') return level.toUpperCase();
  return 'INFO';
}

function clock(time: unknown): string {
  const d = typeof time === 'number' || typeof time === 'string' ? new Date(time) : new Date();
  return Number.isNaN(d.getTime()) ? new Date().toISOString().slice(11, 23) : d.toISOString().slice(11, 23);
}

/** Formats one line; lines that are not JSON objects pass through unchanged behind the prefix. */
export function formatLogLine(service: string, line: string, color: boolean): string {
  const tag = service.padEnd(5);
  let record: Record<string, unknown> | null = null;
  if (line.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        record = parsed as Record<string, unknown>;
      }
    } catch {
      record = null;
    }
  }
  if (record === null) return `${clock(undefined)} ${tag} ${line}`;
  const level = levelName(record.level);
  const extras = Object.entries(record)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  const msg = typeof record.msg === 'string' ? record.msg : '';
  const text = `${clock(record.time)} ${tag} ${level.padEnd(5)} ${msg}${extras ? ` ${extras}` : ''}`;
  const c = COLORS[level];
  return color && c !== undefined ? `${c}${text}\x1b[0m` : text;
}
