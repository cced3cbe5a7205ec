// The logger shape firmware-bridge accepts: pino's, or anything with the same three methods.
export interface Logger {
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** JSON lines on a writer (stderr by default in the simulator), pino-compatible levels. */
export function jsonLogger(write: (line: string) => void, name = 'firmware-bridge'): Logger {
  const log =
    (level: number) =>
    (obj: object | string, msg?: string): void => {
      const base = typeof obj === 'string' ? { msg: obj } : { ...obj, ...(msg ? { msg } : {}) };
      write(JSON.stringify({ level, time: Date.now(), name, ...base }) + '\n');
    };
  return { info: log(30), warn: log(40), error: log(50) };
}
