// The call desk's calls on the hub's agent API: the article search for a call, and the canned replies
// (any agent reads them; supervisors add, edit and remove). Shapes are cloud-sync's (types only); what is
// typed here is masked of card numbers before it leaves the console.
import type {
  CallArticleHit,
  CallArticleSearchResponse,
  CannedReply,
  CannedReplyCreate,
  CannedReplyListResponse,
  CannedReplyResponse,
} from '@branch/cloud-sync';
import { HUB_PATHS, cannedReplyPath, maskDigitRuns } from '@branch/cloud-sync/wire';
import type { Locale } from '../i18n/index.ts';
import type { HubApi } from './hub-api.ts';

export type { CallArticleHit, CannedReply };

const masked = (reply: CannedReplyCreate): CannedReplyCreate => ({
  title: maskDigitRuns(reply.title),
  en: maskDigitRuns(reply.en),
  'zh-CN': maskDigitRuns(reply['zh-CN']),
});

export class CallDeskApi {
  constructor(private readonly api: HubApi) {}

  /** Articles in effect matching every word of `q`, best first (only `locale`'s when given). */
  async searchArticles(q: string, locale?: Locale): Promise<CallArticleHit[]> {
    const params = new URLSearchParams({ q });
    if (locale) params.set('locale', locale);
    const path = `${HUB_PATHS.agentCallDeskArticles}?${params.toString()}`;
    return (await this.api.request<CallArticleSearchResponse>('GET', path)).articles;
  }

  async cannedReplies(): Promise<CannedReply[]> {
    return (await this.api.request<CannedReplyListResponse>('GET', HUB_PATHS.agentCallDeskCanned)).replies;
  }

  async addCanned(reply: CannedReplyCreate): Promise<CannedReply> {
    return (await this.api.request<CannedReplyResponse>('POST', HUB_PATHS.agentCallDeskCanned, masked(reply)))
      .reply;
  }

  /** Replaces a reply's title and both texts. */
  async editCanned(id: string, reply: CannedReplyCreate): Promise<CannedReply> {
    return (await this.api.request<CannedReplyResponse>('PUT', cannedReplyPath(id), masked(reply))).reply;
  }

  async removeCanned(id: string): Promise<void> {
    await this.api.request('DELETE', cannedReplyPath(id));
  }
}
