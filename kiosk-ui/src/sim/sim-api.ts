// The device-agent's simulation HTTP API (same origin, simulation mode only). Writes carry the agent's
// per-boot secret, fetched once and again after a refusal (the agent restarted).
import { BOOT_HEADER, fetchBootToken } from '../protocol/boot-token.ts';
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

async function call<T>(fetchFn: typeof fetch, path: string, body?: unknown, boot?: string): Promise<T> {
  const res = await fetchFn(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers:
      body === undefined
        ? {}
        : { 'content-type': 'application/json', ...(boot ? { [BOOT_HEADER]: boot } : {}) },
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
  private boot: string | null = null;

  constructor(
    private readonly base = '/sim/api',
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  private async post<T>(path: string, body: unknown): Promise<T> {
    this.boot ??= await fetchBootToken(this.fetchFn);
    try {
      return await call<T>(this.fetchFn, path, body, this.boot);
    } catch (err) {
      if (!/x-kiosk-boot/.test((err as Error).message)) throw err;
      this.boot = await fetchBootToken(this.fetchFn);
      return call<T>(this.fetchFn, path, body, this.boot);
    }
  }

  state(): Promise<SimState> {
    return call(this.fetchFn, `${this.base}/state`);
  }

  swipeCard(cardId: string): Promise<unknown> {
    return this.post(`${this.base}/card`, { cardId });
  }

  swipeRaw(raw: string): Promise<unknown> {
    return this.post(`${this.base}/card`, { raw });
  }

  setInput(input: GpioInput, active: boolean): Promise<unknown> {
    return this.post(`${this.base}/gpio`, { input, active });
  }
}
