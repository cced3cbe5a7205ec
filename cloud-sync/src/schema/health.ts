// Health snapshots synced up from kiosks: a periodic summary of the machine and its devices.
// Append-only like device events. Pure zod.
import { z } from 'zod';

export const DeviceHealthSchema = z.object({
  status: z.enum(['ok', 'degraded', 'fault', 'offline']),
  detail: z.string().max(200).optional(),
});

export const HealthSnapshotSchema = z.object({
  id: z.string().min(1).max(64),
  kioskId: z.string().min(1).max(64),
  at: z.iso.datetime(),
  uptimeS: z.number().nonnegative(),
  /** 0..1 */
  cpuLoad: z.number().min(0).max(64).optional(),
  memoryUsedBytes: z.number().int().nonnegative().optional(),
  diskFreeBytes: z.number().int().nonnegative().optional(),
  /** Outbox backlog when the snapshot was taken. */
  syncPending: z.number().int().nonnegative().optional(),
  safetyState: z.string().max(40).optional(),
  /** Per device: 'arm', 'card_reader', 'printer', ... */
  devices: z
    .record(z.string().min(1).max(40), DeviceHealthSchema)
    .refine((d) => Object.keys(d).length <= 32, 'at most 32 devices'),
});
export type HealthSnapshot = z.infer<typeof HealthSnapshotSchema>;
