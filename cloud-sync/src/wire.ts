// Every path of the hub's wire, written once: the hub mounts its routes from these, and the kiosk's
// sync client, the device-agent and the agent console call them from here. No imports, so the browser
// may take it as a value (the one value import the border table allows kiosk-ui from cloud-sync).

/** Where each route group is mounted. */
export const HUB_MOUNTS = {
  sync: '/api/sync',
  agent: '/api/agent',
  handoff: '/api/handoff',
  admin: '/api/admin',
} as const;

/** The hub's two WebSockets. */
export const EVENTS_PATH = `${HUB_MOUNTS.sync}/events`;
export const HANDOFF_WS_PATH = `${HUB_MOUNTS.handoff}/ws`;

/** Full paths the clients call (the route files name the same routes relative to their mount). */
export const HUB_PATHS = {
  syncPush: `${HUB_MOUNTS.sync}/push`,
  syncPull: `${HUB_MOUNTS.sync}/pull`,
  syncSettings: `${HUB_MOUNTS.sync}/settings`,
  handoffRequests: `${HUB_MOUNTS.handoff}/requests`,
  agentLogin: `${HUB_MOUNTS.agent}/login`,
  agentLogout: `${HUB_MOUNTS.agent}/logout`,
  agentConversations: `${HUB_MOUNTS.agent}/conversations`,
  agentTickets: `${HUB_MOUNTS.agent}/tickets`,
  agentArticles: `${HUB_MOUNTS.agent}/articles`,
} as const;

/** One conversation of the agent API. */
export const agentConversationPath = (id: string): string =>
  `${HUB_PATHS.agentConversations}/${encodeURIComponent(id)}`;

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
