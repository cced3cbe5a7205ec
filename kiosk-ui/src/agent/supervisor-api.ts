// The hub's supervisor desk API (same origin), on the console's signed-in session (HubApi's bearer):
// the wallboard, quality scores and the CSV export. Response shapes are cloud-sync's (types only).
import type {
  ExportKind,
  QualityReportResponse,
  QualityScore,
  QualityScoreInput,
  WallboardResponse,
  WallboardWindow,
} from '@branch/cloud-sync';
import { HUB_PATHS } from '@branch/cloud-sync/wire';
import { HubError, type HubApi } from './hub-api.ts';

export type { ExportKind, QualityReportResponse, QualityScore, WallboardResponse, WallboardWindow };

export class SupervisorApi {
  constructor(
    private readonly api: HubApi,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  /** `sl` (seconds) overrides the hub's default service-level threshold. */
  wallboard(window: WallboardWindow, sl: number | null): Promise<WallboardResponse> {
    const query = `window=${window}${sl === null ? '' : `&sl=${sl}`}`;
    return this.json('GET', `${HUB_PATHS.agentSupervisor}/wallboard?${query}`);
  }

  async addScore(sheet: QualityScoreInput): Promise<QualityScore> {
    return (await this.json<{ score: QualityScore }>('POST', `${HUB_PATHS.agentSupervisor}/scores`, sheet))
      .score;
  }

  qualityReport(days = 30): Promise<QualityReportResponse> {
    return this.json('GET', `${HUB_PATHS.agentSupervisor}/scores?days=${days}`);
  }

  /** The CSV file of one kind for whole days `from`..`to` (YYYY-MM-DD, both included). */
  async exportCsv(kind: ExportKind, from: string, to: string): Promise<Blob> {
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    return (await this.send('GET', `${HUB_PATHS.agentSupervisor}/export/${kind}?${q}`)).blob();
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await (await this.send(method, path, body)).json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    const token = this.api.bearer;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchFn(path, {
        method,
        headers,
        cache: 'no-store',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new HubError(0, 'unreachable', 'network error');
    }
    if (res.ok) return res;
    const data = (await res.json().catch(() => ({}))) as { error?: { code?: unknown; message?: unknown } };
    if (res.status === 401) this.api.logout();
    throw new HubError(
      res.status,
      typeof data.error?.code === 'string' ? data.error.code : `http_${res.status}`,
      typeof data.error?.message === 'string' ? data.error.message : `HTTP ${res.status}`,
    );
  }
}
