// The conversation list row both stores build from their JSON columns.
import type { ConversationSummary } from '../../schema/agent-api.ts';
import type { Conversation, Message } from '../../schema/conversation.ts';

export function summarize(data: string, messageCount: number, lastJson: string | null): ConversationSummary {
  const c = JSON.parse(data) as Conversation;
  const last = lastJson ? (JSON.parse(lastJson) as Message) : undefined;
  return {
    id: c.id,
    kioskId: c.kioskId,
    locale: c.locale,
    ...(c.maskedPan ? { maskedPan: c.maskedPan } : {}),
    startedAt: c.startedAt,
    ...(c.endedAt ? { endedAt: c.endedAt } : {}),
    ...(c.outcome ? { outcome: c.outcome } : {}),
    messageCount,
    ...(last ? { lastMessage: { role: last.role, text: last.text, at: last.at } } : {}),
  };
}
