// The wire protocol repeats cloud-sync's emotion summary schema (the protocol imports no other part):
// the two must stay equal, or a summary the agent accepts would be refused by the hub.
import { EmotionSummarySchema as HubSchema } from '@branch/cloud-sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EmotionSummarySchema as WireSchema } from '../protocol/messages.ts';

describe('emotion summary schema', () => {
  it('is the same on the wire and in cloud-sync', () => {
    expect(z.toJSONSchema(WireSchema)).toEqual(z.toJSONSchema(HubSchema));
  });
});
