// Runs a standalone hub from environment variables (the branch-in-a-box uses startHub directly).
//   HUB_HOST (127.0.0.1)  HUB_PORT (7100)  HUB_DATA_DIR (data/hub)  HUB_STATIC_DIR (unset)
//   HUB_OPERATOR_TOKEN (unset: admin API off)  HUB_SEED_ARTICLES (1: publish DEFAULT_ARTICLES)
//   HUB_STORE (sqlite | postgres)  HUB_PG_URL (postgres://postgres@127.0.0.1:5432/postgres)
//   HUB_PG_SCHEMA (unset: public)  HUB_PG_POOL (10)  HUB_SEED_KIOSKS (id:token,id:token; for tests)
//   HUB_ICE_SERVERS (unset: none; JSON array of RTCIceServer for handoff calls)
//   HUB_TURN_URLS, HUB_TURN_SECRET, HUB_TURN_TTL_S (10800) (TURN REST credentials)  HUB_ICE_RELAY_ONLY (0)
//   HUB_WS_PING_MS (30000: keepalive ping of every WebSocket)
//   HUB_HANDOFF_UNCLAIMED_MS (120000)  HUB_HANDOFF_MAX_OPEN_PER_KIOSK (2)  HUB_HANDOFF_MAX_PER_MINUTE (6)
//   HUB_RECORDING (0)  HUB_RECORDING_RETENTION_DAYS (180)  HUB_RECORDING_MAX_MB (512)  (calls' recordings)
//   HUB_SERVICE_LEVEL_S (20: the wallboard's service level counts calls answered within it)
//   HUB_TLS_CERT_FILE, HUB_TLS_KEY_FILE (unset: plain HTTP)  HUB_TLS_CLIENT_CA_FILE (unset: no mutual TLS)
//   HUB_TICKET_SLA (unset: DEFAULT_TICKET_SLA; JSON minutes per kind and priority)  HUB_TICKET_ESCALATION_S (60)
import { startHub } from '../src/index.ts';
import { hubOptionsFromEnv, jsonLineLogger, type HubEnvOptions } from './hub-options-env.ts';

const logger = jsonLineLogger((line) => void process.stdout.write(`${line}\n`));
const fail = (err: unknown): never => {
  console.error((err as Error).message);
  process.exit(1);
};
const options = ((): HubEnvOptions => {
  try {
    return hubOptionsFromEnv(process.env, logger);
  } catch (err) {
    return fail(err);
  }
})();
const hub = await startHub(options).catch(fail);

const shutdown = (): void => {
  hub.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
