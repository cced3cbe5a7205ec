// Response shapes of the hub's agent API, used by the remote-agent console (kiosk-ui, types only).
import { z } from 'zod';
import { ConversationSchema, MessageSchema } from './conversation.ts';

export const AgentRoleSchema = z.enum(['agent', 'expert', 'risk', 'supervisor']);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

export const AgentLoginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type AgentLoginRequest = z.infer<typeof AgentLoginRequestSchema>;

export const AgentLoginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  agent: z.object({ username: z.string(), role: AgentRoleSchema, displayName: z.string() }),
});
export type AgentLoginResponse = z.infer<typeof AgentLoginResponseSchema>;

export const ConversationSummarySchema = z.object({
  id: z.string(),
  kioskId: z.string(),
  locale: ConversationSchema.shape.locale,
  maskedPan: z.string().optional(),
  startedAt: z.string(),
  endedAt: z.string().optional(),
  outcome: ConversationSchema.shape.outcome,
  messageCount: z.number().int(),
  lastMessage: z.object({ role: MessageSchema.shape.role, text: z.string(), at: z.string() }).optional(),
});
export type ConversationSummary = z.infer<typeof ConversationSummarySchema>;

export const ConversationListResponseSchema = z.object({ conversations: z.array(ConversationSummarySchema) });
export type ConversationListResponse = z.infer<typeof ConversationListResponseSchema>;

export const ConversationDetailSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema.pick({ id: true, role: true, text: true, at: true, articleId: true })),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;
