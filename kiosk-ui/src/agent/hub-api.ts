// The hub's remote-agent API (same origin). The token lives in this object only: never in storage.
// The response shapes are cloud-sync's (types only), so the console and the hub cannot drift apart.
import type {
  AgentLoginResponse,
  AuditEntry,
  AuditListResponse,
  ArticleListResponse,
  ConversationDetail,
  ConversationSummary,
  KnowledgeArticle,
  KnowledgeArticleDraft,
  MissedQuestionsResponse,
  PublishArticleRequest,
  PublishArticleResponse,
  RecordingListResponse,
  RecordingRow,
  Ticket,
} from '@branch/cloud-sync';
import {
  HUB_PATHS,
  agentConversationPath,
  recordingChunksPath,
  recordingFinishPath,
  recordingPath,
} from '@branch/cloud-sync/wire';

export type AgentInfo = AgentLoginResponse['agent'];
export type RecordingInfo = RecordingRow;
export type { AuditEntry, ConversationSummary, KnowledgeArticle, KnowledgeArticleDraft };
export type MissedTopic = MissedQuestionsResponse['topics'][number];
export type TranscriptMessage = ConversationDetail['messages'][number];
export type ConversationRecord = ConversationDetail['conversation'];

export class HubError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The hub's error details, e.g. `{ currentVersion }` with a 409 stale_version. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

export class HubApi {
  private token: string | null = null;
  agent: AgentInfo | null = null;

  constructor(private readonly fetchFn: typeof fetch = (...args) => fetch(...args)) {}

  get signedIn(): boolean {
    return this.token !== null;
  }

  /** The session token, for the signalling socket's first message (browsers cannot set its headers). */
  get bearer(): string | null {
    return this.token;
  }

  async login(username: string, password: string): Promise<AgentInfo> {
    const data = await this.request<AgentLoginResponse>('POST', HUB_PATHS.agentLogin, {
      username,
      password,
    });
    this.token = data.token;
    this.agent = data.agent;
    return data.agent;
  }

  /** Forgets the session here only (the hub already refused it). */
  logout(): void {
    this.token = null;
    this.agent = null;
  }

  /** Signs out at the hub too, so the token stops working everywhere; forgets it even when unreachable. */
  async signOut(): Promise<void> {
    if (this.token) await this.request('POST', HUB_PATHS.agentLogout).catch(() => undefined);
    this.logout();
  }

  async conversations(): Promise<ConversationSummary[]> {
    return (await this.request<{ conversations: ConversationSummary[] }>('GET', HUB_PATHS.agentConversations))
      .conversations;
  }

  conversation(id: string): Promise<ConversationDetail> {
    return this.request('GET', agentConversationPath(id));
  }

  /** Tickets, most recently updated first (calls' notes land here). */
  async tickets(): Promise<Ticket[]> {
    return (await this.request<{ tickets: Ticket[] }>('GET', `${HUB_PATHS.agentTickets}?limit=20`)).tickets;
  }

  /** Supervisors only: the audit log, newest first. */
  async audit(limit = 200): Promise<AuditEntry[]> {
    return (await this.request<AuditListResponse>('GET', `/api/agent/audit?limit=${limit}`)).entries;
  }

  /** Supervisors only: the newest version of every article in both locales. */
  async articles(): Promise<KnowledgeArticle[]> {
    return (await this.request<ArticleListResponse>('GET', HUB_PATHS.agentArticles)).articles;
  }

  /** Supervisors only: the questions the kiosks did not answer outright in the last `days` days. */
  async misses(days = 7): Promise<MissedTopic[]> {
    return (await this.request<MissedQuestionsResponse>('GET', `${HUB_PATHS.agentMisses}?days=${days}`))
      .topics;
  }

  /** The next piece of this call's recording (the agent who holds the call). */
  async uploadRecordingChunk(handoffId: string, chunk: Blob): Promise<void> {
    await this.raw('POST', recordingChunksPath(handoffId), chunk);
  }

  async finishRecording(handoffId: string): Promise<void> {
    await this.request('POST', recordingFinishPath(handoffId));
  }

  async recordings(): Promise<RecordingInfo[]> {
    return (await this.request<RecordingListResponse>('GET', HUB_PATHS.agentRecordings)).recordings;
  }

  /** One recording's bytes (supervisors); the hub writes the play to its audit log first. */
  async recordingBlob(id: string): Promise<Blob> {
    return (await this.raw('GET', recordingPath(id))).blob();
  }

  /** A request whose body or answer is bytes, not JSON (also the supervisor desk's, supervisor-api.ts). */
  async raw(method: string, path: string, body?: Blob): Promise<Response> {
    const headers: Record<string, string> = this.token ? { authorization: `Bearer ${this.token}` } : {};
    if (body) headers['content-type'] = body.type || 'video/webm';
    const res = await this.fetchFn(path, { method, headers, cache: 'no-store', ...(body ? { body } : {}) });
    if (!res.ok) throw new HubError(res.status, `http_${res.status}`, `HTTP ${res.status}`);
    return res;
  }

  /** Publishes `draft` as version baseVersion + 1; a 409 stale_version when someone was faster. */
  async publishArticle(baseVersion: number, draft: KnowledgeArticleDraft): Promise<KnowledgeArticle> {
    const body: PublishArticleRequest = { baseVersion, article: draft };
    return (await this.request<PublishArticleResponse>('POST', HUB_PATHS.agentArticles, body)).article;
  }

  /** One JSON call with the session's token (desk-api.ts and supervisor-api.ts build theirs on it). */
  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
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
    const data: unknown = await res.json().catch(() => ({}));
    if (!res.ok) {
      const err = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
      if (res.status === 401 && path !== HUB_PATHS.agentLogin) this.logout();
      throw new HubError(
        res.status,
        typeof err?.code === 'string' ? err.code : `http_${res.status}`,
        typeof err?.message === 'string' ? err.message : `HTTP ${res.status}`,
        err?.details,
      );
    }
    return data as T;
  }
}
