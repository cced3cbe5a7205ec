// Public entry of cloud-sync. Other parts import only from here.
export * from './schema/conversation.ts';
export type * from './client/contract.ts';
