// The ticket desk's and the accounts' calls on the hub's agent API (same origin, the session of HubApi).
// Shapes are cloud-sync's (types only).
import type {
  Account,
  AccountListResponse,
  AccountResponse,
  CreateAccountRequest,
  CreateTicketRequest,
  TicketDetailResponse,
  TicketQuery,
  TicketView,
  UpdateAccountRequest,
} from '@branch/cloud-sync';
import { HUB_PATHS } from '@branch/cloud-sync/wire';
import type { HubApi } from './hub-api.ts';

export type { Account, TicketDetailResponse, TicketQuery, TicketView };
export type TicketEdit = {
  status?: TicketView['status'];
  priority?: TicketView['priority'];
  assignee?: string | null;
  comment?: string;
};

const ticketPath = (id: string) => `${HUB_PATHS.agentTickets}/${encodeURIComponent(id)}`;
const accountPath = (username: string) => `${HUB_PATHS.agentAccounts}/${encodeURIComponent(username)}`;

export class DeskApi {
  constructor(private readonly api: HubApi) {}

  get agent() {
    return this.api.agent;
  }

  /** Tickets matching the filters, overdue first (plain agents: their own only). */
  async tickets(query: TicketQuery = {}): Promise<TicketView[]> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    return (
      await this.api.request<{ tickets: TicketView[] }>(
        'GET',
        `${HUB_PATHS.agentTickets}${qs ? `?${qs}` : ''}`,
      )
    ).tickets;
  }

  ticket(id: string): Promise<TicketDetailResponse> {
    return this.api.request('GET', ticketPath(id));
  }

  async open(request: CreateTicketRequest): Promise<TicketView> {
    return (await this.api.request<{ ticket: TicketView }>('POST', HUB_PATHS.agentTickets, request)).ticket;
  }

  async edit(id: string, edit: TicketEdit): Promise<TicketView> {
    return (await this.api.request<{ ticket: TicketView }>('POST', ticketPath(id), edit)).ticket;
  }

  async accounts(): Promise<Account[]> {
    return (await this.api.request<AccountListResponse>('GET', HUB_PATHS.agentAccounts)).accounts;
  }

  async createAccount(request: CreateAccountRequest): Promise<Account> {
    return (await this.api.request<AccountResponse>('POST', HUB_PATHS.agentAccounts, request)).account;
  }

  async updateAccount(username: string, change: UpdateAccountRequest): Promise<Account> {
    return (await this.api.request<AccountResponse>('POST', accountPath(username), change)).account;
  }

  async resetPassword(username: string, password: string): Promise<Account> {
    return (
      await this.api.request<AccountResponse>('POST', `${accountPath(username)}/password`, { password })
    ).account;
  }

  async changeOwnPassword(current: string, password: string): Promise<void> {
    await this.api.request('POST', HUB_PATHS.agentPassword, { current, password });
  }
}
