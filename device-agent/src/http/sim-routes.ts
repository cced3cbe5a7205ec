// The simulation panel's API (simulation mode only): inspect state, swipe virtual cards, drive GPIO.
import { Hono } from 'hono';
import { z } from 'zod';
import { INPUTS, type InputName } from '../gpio/gpio.ts';
import { readJsonBody } from './read-json-body.ts';

export interface SimState {
  gpio: { estopPressed: boolean; presence: boolean; doorOpen: boolean };
  /** The customer sensor: line = the raw line (someone in the beam), present = after the debounce. */
  customer: { line: boolean; present: boolean };
  safety: { state: string; cause?: string };
  arm: { state: string; link: string };
  cards: { id: string; label: string; maskedPan: string }[];
}

export interface SimRoutesDeps {
  state(): SimState;
  /** false when the id is unknown */
  swipeTestCard(id: string): boolean;
  swipeRaw(raw: string): void;
  /** Returns the monotonic time of the edge (ns, as text), for latency measurements. */
  setInput(input: InputName, active: boolean): { edgeNs: string };
  /** Plugs the virtual card reader in or pulls it out. */
  setCardReaderPlugged(plugged: boolean): void;
}

const CardBody = z.union([
  z.object({ cardId: z.string().min(1).max(64) }).strict(),
  z.object({ raw: z.string().min(1).max(512) }).strict(),
]);
const ReaderBody = z.object({ plugged: z.boolean() }).strict();
const GpioBody = z.object({ input: z.enum(INPUTS), active: z.boolean() }).strict();

export function simRoutes(deps: SimRoutesDeps): Hono {
  const app = new Hono();
  app.get('/state', (c) => c.json(deps.state()));
  app.post('/card', async (c) => {
    const body = await readJsonBody(c, CardBody);
    if (!body.ok) return body.response;
    try {
      if ('cardId' in body.data) {
        if (!deps.swipeTestCard(body.data.cardId))
          return c.json({ error: `unknown test card '${body.data.cardId}'` }, 400);
      } else {
        deps.swipeRaw(body.data.raw);
      }
    } catch (err) {
      // The virtual reader is unplugged.
      return c.json({ error: (err as Error).message }, 409);
    }
    return c.json({ accepted: true }, 202);
  });
  app.post('/card-reader', async (c) => {
    const body = await readJsonBody(c, ReaderBody);
    if (!body.ok) return body.response;
    deps.setCardReaderPlugged(body.data.plugged);
    return c.json({ ok: true, plugged: body.data.plugged });
  });
  app.post('/gpio', async (c) => {
    const body = await readJsonBody(c, GpioBody);
    if (!body.ok) return body.response;
    const { edgeNs } = deps.setInput(body.data.input, body.data.active);
    const { gpio, customer } = deps.state();
    return c.json({ ok: true, edgeNs, gpio, customer });
  });
  return app;
}
