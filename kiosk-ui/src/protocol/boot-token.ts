// The device-agent's per-boot secret, which it hands only to its own pages (GET /kiosk/boot). The
// kiosk socket carries it as ?boot=, the simulation panel's writes as the x-kiosk-boot header.

/** Header name of the secret on HTTP writes to the agent. */
export const BOOT_HEADER = 'x-kiosk-boot';

export async function fetchBootToken(fetchFn: typeof fetch = (...a) => fetch(...a)): Promise<string> {
  const res = await fetchFn('/kiosk/boot', { cache: 'no-store' });
  if (!res.ok) throw new Error(`the agent refused its boot secret (HTTP ${res.status})`);
  const token = ((await res.json()) as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error('the agent sent no boot secret');
  return token;
}
