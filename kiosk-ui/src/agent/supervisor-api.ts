// The hub's supervisor desk API (same origin), on the console's signed-in session (HubApi): the
// wallboard, quality scores and the CSV export. Response shapes are cloud-sync's (types only).
import type {
  ExportKind,
  QualityReportResponse,
  QualityScore,
  QualityScoreInput,
  WallboardResponse,
  WallboardWindow,
} from '@branch/cloud-sync';
import { HUB_PATHS } from '@branch/cloud-sync/wire';
import type { HubApi } from './hub-api.ts';

export type { ExportKind, QualityReportResponse, QualityScore, WallboardResponse, WallboardWindow };

const BASE = HUB_PATHS.agentSupervisor;

export class SupervisorApi {
  constructor(private readonly api: HubApi) {}

  /** `sl` (seconds) overrides the hub's default service-level threshold. */
  wallboard(window: WallboardWindow, sl: number | null): Promise<WallboardResponse> {
    return this.api.request('GET', `${BASE}/wallboard?window=${window}${sl === null ? '' : `&sl=${sl}`}`);
  }

  async addScore(sheet: QualityScoreInput): Promise<QualityScore> {
    return (await this.api.request<{ score: QualityScore }>('POST', `${BASE}/scores`, sheet)).score;
  }

  qualityReport(days = 30): Promise<QualityReportResponse> {
    return this.api.request('GET', `${BASE}/scores?days=${days}`);
  }

  /** The CSV file of one kind for whole days `from`..`to` (YYYY-MM-DD, both included). */
  async exportCsv(kind: ExportKind, from: string, to: string): Promise<Blob> {
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    return (await this.api.raw('GET', `${BASE}/export/${kind}?${q}`)).blob();
  }
}
