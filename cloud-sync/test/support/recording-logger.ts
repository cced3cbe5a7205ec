// A logger that keeps every line for tests that check what was logged: `lines` has each line's level
// and event name, `fields` the whole object it was logged with (same order).
import type { Logger } from '../../src/index.ts';

export function recordingLogger(): {
  logger: Logger;
  lines: { level: string; event: unknown }[];
  fields: Record<string, unknown>[];
} {
  const lines: { level: string; event: unknown }[] = [];
  const fields: Record<string, unknown>[] = [];
  const at =
    (level: string) =>
    (obj: object): void => {
      lines.push({ level, event: (obj as { event?: unknown }).event });
      fields.push({ ...obj });
    };
  return {
    lines,
    fields,
    logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') },
  };
}
