// Device events synced up from kiosks: safety transitions, faults, self-test results. Append-only
// facts, so the hub stores each once by id and never merges them. Pure zod.
import { z } from 'zod';

const ScalarSchema = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

export const DeviceEventSchema = z.object({
  id: z.string().min(1).max(64),
  kioskId: z.string().min(1).max(64),
  at: z.iso.datetime(),
  /** The device or subsystem: 'arm', 'card_reader', 'safety', 'printer', ... */
  source: z.string().min(1).max(40),
  /** Dotted event name, e.g. 'safety.transition', 'arm.fault', 'selftest.result'. */
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'dotted lowercase name'),
  severity: z.enum(['info', 'warning', 'error', 'critical']),
  message: z.string().max(1000),
  /** Flat details (from/to state, cause, joint, temperature...): at most 40 keys. */
  data: z
    .record(z.string().max(64), ScalarSchema)
    .refine((d) => Object.keys(d).length <= 40, 'at most 40 keys')
    .optional(),
});
export type DeviceEvent = z.infer<typeof DeviceEventSchema>;
