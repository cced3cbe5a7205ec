// The agent's pino logger. The PAN guard sits on the output stream, so it sees every finished line
// (messages, objects, child bindings, errors) whatever code produced it.
import pino, { type DestinationStream, type Logger } from 'pino';
import sonicBoom, { type SonicBoom } from 'sonic-boom';
import type { z } from 'zod';
import type { LoggerOptionsSchema } from '../config/agent-options.ts';
import { scrubText, scrubValue } from './pan-guard.ts';

type LoggerOptions = z.output<typeof LoggerOptionsSchema>;

/** Keys that never belong in a log line, whatever code passes them. */
const REDACT_PATHS = [
  'pan',
  '*.pan',
  'raw',
  '*.raw',
  'track',
  '*.track',
  'pin',
  '*.pin',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
];
const REDACT = { paths: REDACT_PATHS, censor: '[redacted]' };

/** The last lines the agent logged (after the PAN guard), for the diagnostic bundle. */
export class LogRing {
  private readonly lines: string[] = [];
  constructor(private readonly capacity = 2000) {}
  push(line: string): void {
    this.lines.push(line.endsWith('\n') ? line.slice(0, -1) : line);
    if (this.lines.length > this.capacity) this.lines.splice(0, this.lines.length - this.capacity);
  }
  snapshot(): string[] {
    return [...this.lines];
  }
}

/** A destination that can be flushed (pino's SonicBoom destinations can). */
export type FlushableStream = DestinationStream & { flush?(cb?: (err?: Error) => void): void };

/**
 * Standard output, asynchronous, without pino's exit hook. pino.destination(1) flushes synchronously on
 * process exit, and sonic-boom's flushSync retries a broken pipe forever (4.2.1): when the launcher was
 * killed, the agent hung in its own exit. Here a failed write (EPIPE: nobody reads any more) ends
 * logging to stdout instead, and close() flushes asynchronously (flushLogger).
 */
export function stdoutDestination(fd = 1): FlushableStream {
  // The package is CommonJS (module.exports = the class); its typings declare a default export instead.
  const Boom = sonicBoom as unknown as typeof SonicBoom;
  const boom = new Boom({ fd, sync: false, minLength: 0 });
  let broken = false;
  boom.on('error', () => {
    broken = true;
  });
  return {
    write: (line: string) => (broken ? true : boom.write(line)),
    flush: (cb) => (broken ? cb?.() : boom.flush(cb)),
  };
}

/** Wraps a destination so that every line passes the PAN guard (and is kept in `ring`, if given). */
export function guardedStream(dest: FlushableStream, ring?: LogRing): FlushableStream {
  return {
    write: (line: string) => {
      const safe = scrubText(line);
      ring?.push(safe);
      return dest.write(safe);
    },
    flush: (cb) => (dest.flush ? dest.flush(cb) : cb?.()),
  };
}

/** Writes out what the logger still holds; never waits longer than `timeoutMs` (a stalled reader). */
export function flushLogger(logger: Logger, timeoutMs = 1000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    try {
      logger.flush(() => {
        clearTimeout(timer);
        resolve();
      });
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

export function createAgentLogger(
  options: LoggerOptions | Logger,
  stream?: FlushableStream,
  ring?: LogRing,
): Logger {
  if (isLogger(options)) {
    // A caller's logger writes to its own stream; every object and binding we log still passes the guard.
    return options.child(
      { part: 'device-agent' },
      {
        redact: REDACT,
        formatters: { log: (o) => scrubValue(o) as object, bindings: (b) => scrubValue(b) as object },
      },
    );
  }
  const dest =
    stream ??
    (options.file ? pino.destination({ dest: options.file, sync: true, mkdir: true }) : stdoutDestination());
  return pino(
    {
      level: options.level,
      base: { part: 'device-agent' },
      // ISO time: no long digit runs in a line for the guard to mistake for a PAN.
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: REDACT,
    },
    guardedStream(dest, ring),
  );
}

function isLogger(v: unknown): v is Logger {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Logger).child === 'function' &&
    typeof (v as Logger).info === 'function'
  );
}
