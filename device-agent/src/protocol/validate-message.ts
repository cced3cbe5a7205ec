// Validates one received WebSocket message against the envelope and the command's payload schema.
// Pure: the caller passes the text and its size in bytes.
import type { z } from 'zod';
import {
  EnvelopeSchema,
  MAX_MESSAGE_BYTES,
  PROTOCOL_VERSION,
  type CompletionCode,
  type Envelope,
  type MessageType,
} from './envelope.ts';
import { CommandPayloads, type CommandName, type CommandPayload } from './messages.ts';

export type ParsedCommand = {
  [N in CommandName]: { name: N; requestId: number; payload: CommandPayload<N> };
}[CommandName];

export interface Rejection {
  /** Echoed from the message when it could be read, else 'Common.Error'. */
  name: string;
  requestId: number;
  completionCode: Extract<CompletionCode, 'invalidMessage' | 'unsupportedCommand'>;
  description: string;
}

export type ValidationResult = { ok: true; command: ParsedCommand } | ({ ok: false } & Rejection);

const NAME = /^[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*$/;

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${[prefix, ...i.path.map(String)].filter(Boolean).join('.')}: ${i.message}`)
    .join('; ');
}

/** Salvages name and requestId from a message whose envelope did not validate, for the error completion. */
function echo(value: unknown): { name: string; requestId: number } {
  const h = (value as { header?: { name?: unknown; requestId?: unknown } } | null)?.header;
  const name =
    typeof h?.name === 'string' && NAME.test(h.name) && h.name.length <= 64 ? h.name : 'Common.Error';
  const requestId =
    typeof h?.requestId === 'number' && Number.isSafeInteger(h.requestId) && h.requestId >= 0
      ? h.requestId
      : 0;
  return { name, requestId };
}

export function validateMessage(text: string, bytes: number): ValidationResult {
  const reject = (
    e: { name: string; requestId: number },
    code: Rejection['completionCode'],
    description: string,
  ): ValidationResult => ({
    ok: false,
    ...e,
    completionCode: code,
    description,
  });
  if (bytes > MAX_MESSAGE_BYTES) {
    return reject(
      { name: 'Common.Error', requestId: 0 },
      'invalidMessage',
      `message of ${bytes} bytes exceeds the limit of ${MAX_MESSAGE_BYTES}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return reject(
      { name: 'Common.Error', requestId: 0 },
      'invalidMessage',
      `not valid JSON: ${(err as Error).message}`,
    );
  }
  const env = EnvelopeSchema.safeParse(value);
  if (!env.success)
    return reject(echo(value), 'invalidMessage', `bad envelope: ${describeIssues(env.error, '')}`);
  const { header, payload } = env.data;
  const e = { name: header.name, requestId: header.requestId };
  if (header.type !== 'command')
    return reject(e, 'invalidMessage', `header.type must be 'command', got '${header.type}'`);
  if (header.version.split('.')[0] !== PROTOCOL_VERSION.split('.')[0]) {
    return reject(
      e,
      'invalidMessage',
      `unsupported protocol version '${header.version}' (agent speaks ${PROTOCOL_VERSION})`,
    );
  }
  if (!Object.hasOwn(CommandPayloads, header.name))
    return reject(e, 'unsupportedCommand', `unknown command '${header.name}'`);
  const name = header.name as CommandName;
  const parsed = CommandPayloads[name].safeParse(payload ?? {});
  if (!parsed.success)
    return reject(e, 'invalidMessage', `bad payload for ${name}: ${describeIssues(parsed.error, 'payload')}`);
  return { ok: true, command: { name, requestId: header.requestId, payload: parsed.data } as ParsedCommand };
}

export function envelope<P>(type: MessageType, name: string, requestId: number, payload: P): Envelope<P> {
  return { header: { type, name, requestId, version: PROTOCOL_VERSION }, payload };
}
