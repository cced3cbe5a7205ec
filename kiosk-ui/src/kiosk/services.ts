// The common services offered as buttons: each asks the knowledge base a ready-made question in the
// customer's language (the strings live in the i18n files).
import type { MessageKey } from '../i18n/index.ts';

export const SERVICES = [
  'hours',
  'lostCard',
  'transfer',
  'fx',
  'wealth',
  'fees',
  'account',
  'phone',
] as const;
export type ServiceId = (typeof SERVICES)[number];

export function serviceLabelKey(id: ServiceId): MessageKey {
  return `service.${id}.label` as MessageKey;
}

export function serviceQuestionKey(id: ServiceId): MessageKey {
  return `service.${id}.question` as MessageKey;
}
