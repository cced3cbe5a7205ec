// The device-agent's simulation HTTP API (same origin, simulation mode only).
export interface SimCard {
  id: string;
  label: string;
  maskedPan: string;
}

export interface SimState {
  gpio: { estopPressed: boolean; presence: boolean; doorOpen: boolean };
  /** The customer sensor at the kiosk front: the raw line, and after the agent's debounce. */
  customer: { line: boolean; present: boolean };
  safety: { state: string; cause?: string };
  arm: { state: string; link: string };
  cards: SimCard[];
}

export type GpioInput = 'estop' | 'presence' | 'door' | 'customer';

async function call<T>(fetchFn: typeof fetch, path: string, body?: unknown): Promise<T> {
  const res = await fetchFn(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    cache: 'no-store',
  });
  const data: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = (data as { error?: unknown }).error;
    const message =
      typeof err === 'string'
        ? err
        : typeof (err as { message?: unknown })?.message === 'string'
          ? (err as { message: string }).message
          : `HTTP ${res.status}`;
    throw new Error(message);
  }
  return data as T;
}

export class SimApi {
  constructor(
    private readonly base = '/sim/api',
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  state(): Promise<SimState> {
    return call(this.fetchFn, `${this.base}/state`);
  }

  swipeCard(cardId: string): Promise<unknown> {
    return call(this.fetchFn, `${this.base}/card`, { cardId });
  }

  swipeRaw(raw: string): Promise<unknown> {
    return call(this.fetchFn, `${this.base}/card`, { raw });
  }

  setInput(input: GpioInput, active: boolean): Promise<unknown> {
    return call(this.fetchFn, `${this.base}/gpio`, { input, active });
  }
}
