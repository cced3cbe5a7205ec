// HTTP calls from the kiosk to the hub. Errors carry whether a retry can help.
import {
  ApiErrorSchema,
  PullResponseSchema,
  PushResponseSchema,
  type ChangeEnvelope,
  type PullResponse,
  type PushResponse,
} from '../schema/change.ts';
import { SettingsPullResponseSchema, type SettingsPullResponse } from '../schema/settings.ts';
import { HUB_PATHS } from '../wire.ts';
import { hubFetch, type HubClientTls } from './hub-fetch.ts';

export class HubRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status, or 0 when the hub could not be reached. */
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export class HubHttp {
  constructor(
    private readonly hub: { url: string; token: string; tls?: HubClientTls | undefined },
    private readonly timeoutMs: number,
  ) {}

  async push(changes: readonly ChangeEnvelope[]): Promise<PushResponse> {
    const body = await this.request('POST', HUB_PATHS.syncPush, JSON.stringify({ changes }));
    return PushResponseSchema.parse(body);
  }

  async pull(since: string): Promise<PullResponse> {
    const body = await this.request('GET', `${HUB_PATHS.syncPull}?since=${encodeURIComponent(since)}`);
    return PullResponseSchema.parse(body);
  }

  async pullSettings(since: string): Promise<SettingsPullResponse> {
    const body = await this.request('GET', `${HUB_PATHS.syncSettings}?since=${encodeURIComponent(since)}`);
    return SettingsPullResponseSchema.parse(body);
  }

  private async request(method: string, path: string, body?: string): Promise<unknown> {
    let res: Response;
    try {
      res = await hubFetch(
        new URL(path, this.hub.url),
        {
          method,
          headers: {
            authorization: `Bearer ${this.hub.token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body,
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        this.hub.tls,
      );
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new HubRequestError(`hub unreachable (${cause}): ${method} ${path}`, 0, 'unreachable');
    }
    const text = await res.text().catch(() => '');
    if (!res.ok) {
      let code = `http_${res.status}`;
      let message = text.slice(0, 200);
      try {
        const parsed = ApiErrorSchema.parse(JSON.parse(text));
        code = parsed.error.code;
        message = parsed.error.message;
      } catch {
        // not a JSON error body (a proxy's page, say): keep the raw text
      }
      throw new HubRequestError(
        `hub refused ${method} ${path}: ${res.status} ${code}: ${message}`,
        res.status,
        code,
      );
    }
    return JSON.parse(text) as unknown;
  }
}
