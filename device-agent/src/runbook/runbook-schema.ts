// Runbooks are data: a zod schema checks every procedure when it is loaded, so a typo in a fixture name
// or a missing timeout is a start-up error, never a surprise halfway through a repair.
import { z } from 'zod';

const Name = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'a fixture or device name');
const Timeout = z.number().int().min(100).max(120_000);

/** Fields every step carries: a label for the console, its own timeout and how often it is retried. */
const common = {
  label: z.string().min(1).max(120),
  timeoutMs: Timeout.default(10_000),
  /** Extra attempts after a failed one (a safety abort is never retried). */
  retries: z.number().int().min(0).max(5).default(0),
};

export const StepSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('home'), ...common }).strict(),
  z
    .object({
      kind: z.literal('moveTo'),
      ...common,
      /** A named fixture's contact point (or the safe point above it), or the home pose. */
      target: z.union([
        z.object({ fixture: Name, approach: z.boolean().default(true) }).strict(),
        z.object({ pose: z.literal('home') }).strict(),
      ]),
      speedScale: z.number().gt(0).max(1).default(0.5),
    })
    .strict(),
  z
    .object({
      kind: z.literal('press'),
      ...common,
      fixture: Name,
      /** How long the tool stays on the contact point. */
      dwellMs: z.number().int().min(0).max(5000).default(200),
      speedScale: z.number().gt(0).max(1).default(0.3),
    })
    .strict(),
  z
    .object({
      kind: z.literal('grip'),
      ...common,
      /** 0 closed (grip) .. 1 open (release). */
      opening: z.number().min(0).max(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('waitFor'),
      ...common,
      /** Holds when the device reports one of these states (polled until the step's timeout). */
      device: Name,
      states: z.array(z.string().min(1).max(40)).min(1).max(8),
    })
    .strict(),
  z
    .object({
      kind: z.literal('verify'),
      ...common,
      /** Checked once: the device must be in one of these states now. */
      device: Name,
      states: z.array(z.string().min(1).max(40)).min(1).max(8),
    })
    .strict(),
]);
export type RunbookStep = z.output<typeof StepSchema>;

export const PreconditionSchema = z.discriminatedUnion('kind', [
  /** The safety supervisor is READY (no e-stop, nobody in the zone, door closed, no fault). */
  z.object({ kind: z.literal('safetyReady') }).strict(),
  z.object({ kind: z.literal('armLinkUp') }).strict(),
  z.object({ kind: z.literal('noArmFaults') }).strict(),
  /** The device is in one of these states before the run starts (e.g. the printer reports a fault). */
  z
    .object({ kind: z.literal('deviceState'), device: Name, states: z.array(z.string().min(1)).min(1) })
    .strict(),
]);
export type Precondition = z.output<typeof PreconditionSchema>;

export const RunbookSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'lowercase id'),
    title: z.string().min(1).max(120),
    description: z.string().max(1000),
    /** The device a failure ticket is about (cloud-sync's ticket.device). */
    device: z.string().min(1).max(40),
    preconditions: z.array(PreconditionSchema).max(16),
    steps: z.array(StepSchema).min(1).max(64),
  })
  .strict();
export type Runbook = z.output<typeof RunbookSchema>;
export type RunbookInput = z.input<typeof RunbookSchema>;

/** Parses runbooks and checks that every fixture they name exists; throws naming the first problem. */
export function loadRunbooks(input: unknown[], knownFixtures: ReadonlySet<string>): Runbook[] {
  const out: Runbook[] = [];
  const ids = new Set<string>();
  for (const raw of input) {
    const parsed = RunbookSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown })?.id;
      throw new Error(`runbook ${String(id)}: ${z.prettifyError(parsed.error)}`);
    }
    const rb = parsed.data;
    if (ids.has(rb.id)) throw new Error(`runbook ${rb.id}: duplicate id`);
    ids.add(rb.id);
    for (const s of rb.steps) {
      const fixture =
        s.kind === 'press'
          ? s.fixture
          : s.kind === 'moveTo' && 'fixture' in s.target
            ? s.target.fixture
            : null;
      if (fixture !== null && !knownFixtures.has(fixture))
        throw new Error(`runbook ${rb.id}, step "${s.label}": unknown fixture ${fixture}`);
    }
    out.push(rb);
  }
  return out;
}
