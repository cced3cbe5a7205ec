// The agent's pino logger. The PAN guard sits on the output stream, so it sees every finished line
// (messages, objects, child bindings, errors) whatever code produced it.
import pino, { type DestinationStream, type Logger } from 'pino';
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

/** Wraps a destination so that every line passes the PAN guard. */
export function guardedStream(dest: DestinationStream): DestinationStream {
  return { write: (line: string) => dest.write(scrubText(line)) };
}

export function createAgentLogger(options: LoggerOptions | Logger, stream?: DestinationStream): Logger {
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
    (options.file ? pino.destination({ dest: options.file, sync: true, mkdir: true }) : pino.destination(1));
  return pino(
    {
      level: options.level,
      base: { part: 'device-agent' },
      // ISO time: no long digit runs in a line for the guard to mistake for a PAN.
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: REDACT,
    },
    guardedStream(dest),
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
