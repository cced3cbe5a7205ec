// The technician HTTP API (same origin as this page, on the agent's technician listener).
import type {
  BundleState,
  HistoryEntry,
  Inventory,
  LiveStatus,
  Runbook,
  SelfTestReport,
} from '@branch/device-agent';

export class TechApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Record<string, unknown>,
  ) {
    super(message);
  }
}

export class TechApi {
  constructor(
    private token: string,
    private readonly fetchFn: typeof fetch = fetch.bind(globalThis),
  ) {}

  /** `user`: the personal account's name; empty for the only (trial) account. */
  static async signIn(
    pin: string,
    fetchFn: typeof fetch = fetch.bind(globalThis),
    user = '',
  ): Promise<TechApi> {
    const body = await request(fetchFn, 'POST', '/tech/api/login', null, user ? { pin, user } : { pin });
    return new TechApi(String(body.token), fetchFn);
  }

  get bearer(): string {
    return this.token;
  }

  private call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
    return request(this.fetchFn, method, `/tech/api${path}`, this.token, body);
  }

  status = async () => (await this.call('GET', '/status')) as unknown as LiveStatus;
  inventory = async () => (await this.call('GET', '/inventory')) as unknown as Inventory;
  selfTest = async () => (await this.call('POST', '/selftest')) as unknown as SelfTestReport;
  reset = async () => this.call('POST', '/safety/reset');
  runbooks = async () => (await this.call('GET', '/runbooks')).runbooks as Runbook[];
  run = async (id: string) =>
    String((await this.call('POST', `/runbooks/${encodeURIComponent(id)}/run`, {})).runId);
  abort = async (runId?: string) => this.call('POST', '/runbooks/abort', runId ? { runId } : {});
  history = async () => (await this.call('GET', '/events?limit=50')).events as HistoryEntry[];
  bundle = async () => (await this.call('POST', '/bundle', {})) as unknown as BundleState;
  signOut = async () => this.call('POST', '/logout');
  bundleUrl(id: string): string {
    return `/tech/api/bundle/${encodeURIComponent(id)}/download`;
  }
  /** The bundle body (the download needs the bearer header, so it is fetched, not linked). */
  async bundleBlob(id: string): Promise<Blob> {
    const res = await this.fetchFn(this.bundleUrl(id), {
      headers: { authorization: `Bearer ${this.token}` },
    });
    if (!res.ok) throw new TechApiError(res.status, `bundle download failed (${res.status})`, {});
    return res.blob();
  }
}

async function request(
  fetchFn: typeof fetch,
  method: 'GET' | 'POST',
  path: string,
  token: string | null,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetchFn(path, {
    method,
    headers,
    cache: 'no-store',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok)
    throw new TechApiError(
      res.status,
      typeof data.error === 'string' ? data.error : `HTTP ${res.status}`,
      data,
    );
  return data;
}
