// Notes between hub instances about handoffs: what a socket held by whichever instance must be told.
// One hub on SQLite passes them in-process; several on PostgreSQL over LISTEN/NOTIFY (pg-events.ts).
// Every instance hears every note, its own included, and acts only for the sockets it holds.
import { z } from 'zod';
import type { ServerSignal } from '../schema/handoff.ts';
import type { Fanout } from '../hub/events.ts';

/** A server message as one of our instances wrote it (the sockets' own schema is the TS type). */
const ServerSignalShape = z.custom<ServerSignal>(
  (v) => typeof v === 'object' && v !== null && typeof (v as { t?: unknown }).t === 'string',
);

export const HandoffNoteSchema = z.discriminatedUnion('k', [
  /** To the kiosk socket of this handoff; `end`: the handoff is over, forget the socket after. */
  z.object({
    k: z.literal('kiosk'),
    handoffId: z.string(),
    msg: ServerSignalShape,
    end: z.boolean().optional(),
  }),
  /** To the agent whose call this is; `release`: the call is over for that agent. */
  z.object({
    k: z.literal('agent'),
    handoffId: z.string(),
    msg: ServerSignalShape,
    release: z.boolean().optional(),
  }),
  /** A socket `conn` now holds this handoff (kiosk) or account (agent): any other one is replaced. */
  z.object({ k: z.literal('kiosk_attached'), handoffId: z.string(), conn: z.string() }),
  z.object({ k: z.literal('agent_attached'), username: z.string(), conn: z.string() }),
  /** The queues changed: every instance tells its agents and waiting kiosks again. */
  z.object({ k: z.literal('queues') }),
  /** To every supervisor. */
  z.object({ k: z.literal('supervisors'), msg: ServerSignalShape }),
  /** To one supervisor's socket (a listen-in's messages, listen-in.ts); a non-supervisor's is not told. */
  z.object({ k: z.literal('supervisor'), username: z.string(), msg: ServerSignalShape }),
]);

export type HandoffNote = z.infer<typeof HandoffNoteSchema>;
export type HandoffBus = Fanout<HandoffNote>;
