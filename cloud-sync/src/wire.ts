// Every path of the hub's wire, written once: the hub mounts its routes from these, and the kiosk's
// sync client, the device-agent and the agent console call them from here; with it the card-number mask
// every staff-typed text passes before it goes on the wire. No imports, so the browser may take it as a
// value (the one value import the border table allows kiosk-ui from cloud-sync).

/** Where each route group is mounted. */
export const HUB_MOUNTS = {
  sync: '/api/sync',
  agent: '/api/agent',
  handoff: '/api/handoff',
  admin: '/api/admin',
} as const;

/** Each route relative to its mount: the hub's route files register these. */
export const HUB_ROUTES = {
  sync: { push: '/push', pull: '/pull', settings: '/settings', events: '/events' },
  handoff: { requests: '/requests', socket: '/ws' },
  agent: {
    login: '/login',
    logout: '/logout',
    conversations: '/conversations',
    tickets: '/tickets',
    articles: '/articles',
    misses: '/misses',
    recordings: '/recordings',
    supervisor: '/supervisor',
    accounts: '/accounts',
    password: '/password',
    /** The call desk's tools: article search, canned replies (`/canned/:id`). */
    callDeskArticles: '/call-desk/articles',
    callDeskCanned: '/call-desk/canned',
  },
  admin: { recordings: '/recordings' },
} as const;

/** The hub's two WebSockets. */
export const EVENTS_PATH = `${HUB_MOUNTS.sync}${HUB_ROUTES.sync.events}` as const;
export const HANDOFF_WS_PATH = `${HUB_MOUNTS.handoff}${HUB_ROUTES.handoff.socket}` as const;

/** Full paths the clients call. */
export const HUB_PATHS = {
  syncPush: `${HUB_MOUNTS.sync}${HUB_ROUTES.sync.push}`,
  syncPull: `${HUB_MOUNTS.sync}${HUB_ROUTES.sync.pull}`,
  syncSettings: `${HUB_MOUNTS.sync}${HUB_ROUTES.sync.settings}`,
  handoffRequests: `${HUB_MOUNTS.handoff}${HUB_ROUTES.handoff.requests}`,
  agentLogin: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.login}`,
  agentLogout: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.logout}`,
  agentConversations: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.conversations}`,
  agentTickets: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.tickets}`,
  agentArticles: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.articles}`,
  agentMisses: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.misses}`,
  agentRecordings: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.recordings}`,
  /** The supervisor's wallboard, quality scores and CSV export (`/wallboard`, `/scores`, `/export/:kind`). */
  agentSupervisor: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.supervisor}`,
  agentAccounts: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.accounts}`,
  agentPassword: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.password}`,
  /** Knowledge articles to push into a call, searched (`?q=&locale=`). */
  agentCallDeskArticles: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.callDeskArticles}`,
  /** Canned replies: any agent lists them, supervisors add and remove (`/:id`). */
  agentCallDeskCanned: `${HUB_MOUNTS.agent}${HUB_ROUTES.agent.callDeskCanned}`,
  adminRecordings: `${HUB_MOUNTS.admin}${HUB_ROUTES.admin.recordings}`,
} as const;

/** A call's recording: its chunks and its end (the agent who holds the call), by handoff id. */
export const recordingChunksPath = (handoffId: string): string =>
  `${HUB_PATHS.agentRecordings}/${encodeURIComponent(handoffId)}/chunks`;
export const recordingFinishPath = (handoffId: string): string =>
  `${HUB_PATHS.agentRecordings}/${encodeURIComponent(handoffId)}/finish`;
/** One recording to play (supervisors), by recording id. */
export const recordingPath = (id: string): string => `${HUB_PATHS.agentRecordings}/${encodeURIComponent(id)}`;
/** The operator's legal hold of one recording. */
export const recordingHoldPath = (id: string): string =>
  `${HUB_PATHS.adminRecordings}/${encodeURIComponent(id)}/hold`;

/** One canned reply (a supervisor removes it). */
export const cannedReplyPath = (id: string): string =>
  `${HUB_PATHS.agentCallDeskCanned}/${encodeURIComponent(id)}`;

/** One conversation of the agent API. */
export const agentConversationPath = (id: string): string =>
  `${HUB_PATHS.agentConversations}/${encodeURIComponent(id)}`;

/** A card number-like run: 13..19 digits, single spaces or dashes allowed between them. */
const DIGIT_RUN = /\d(?:[ -]?\d){12,18}/g;

/**
 * Masks every 13..19-digit run to its last 4 digits (the separators go too). Free text typed by staff
 * passes through it before it goes on the wire (a card number read out and typed into a note), and the
 * hub masks again on receipt; here so that the console may take it as a value too.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  });
}

/** Longest article body the hub sends a kiosk in a call (longer ones are cut, with an ellipsis). */
export const CALL_ARTICLE_MAX = 4000;

/** Largest realtime message the hub accepts from a kiosk (kiosks only listen on that socket). */
export const MAX_REALTIME_BYTES = 4 * 1024;
/** Largest signalling message the hub accepts (an SDP offer with many candidates fits easily). */
export const MAX_SIGNAL_BYTES = 32 * 1024;
/** The hub pings every socket this often and drops one whose pong does not come back. */
export const DEFAULT_PING_INTERVAL_MS = 30_000;

/** Close codes of the hub's sockets. */
export const WS_CLOSE = {
  hubStopping: 1001,
  binaryFrame: 1003,
  tooLarge: 1009,
} as const;
