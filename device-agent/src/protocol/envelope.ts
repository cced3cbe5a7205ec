// The XFS4IoT-style envelope of every WebSocket message between kiosk-ui and device-agent.
import { z } from 'zod';

export const PROTOCOL_VERSION = '1.0';
/** Largest WebSocket message the agent accepts, bytes. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export const MessageTypeSchema = z.enum(['command', 'acknowledge', 'event', 'completion', 'unsolicited']);
export type MessageType = z.infer<typeof MessageTypeSchema>;

export const HeaderSchema = z.object({
  type: MessageTypeSchema,
  /** Service.Name, e.g. "CardReader.ReadCard". */
  name: z.string().regex(/^[A-Z][A-Za-z]*\.[A-Z][A-Za-z]*$/, 'must be Service.Name'),
  /** Chosen by the client for commands and echoed on acknowledge/event/completion; 0 for unsolicited. */
  requestId: z.number().int().nonnegative(),
  version: z.string().max(16),
});
export type Header = z.infer<typeof HeaderSchema>;

export const EnvelopeSchema = z.object({
  header: HeaderSchema,
  payload: z.unknown(),
});
export type Envelope<P = unknown> = { header: Header; payload: P };

/** Completion status, as in XFS4IoT: success, or an error code with a human-readable description. */
export const CompletionCodeSchema = z.enum([
  'success',
  'invalidMessage',
  'unsupportedCommand',
  'commandErrorCode',
  'timeOut',
  'cancelled',
  'deviceNotReady',
  'internalError',
]);
export type CompletionCode = z.infer<typeof CompletionCodeSchema>;

export interface CompletionPayload {
  completionCode: CompletionCode;
  errorDescription?: string;
  /** Service-specific error code, e.g. CardReader 'badSwipe'. */
  errorCode?: string;
}
