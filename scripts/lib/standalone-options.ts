// Options of a service that systemd starts on its own (no launcher): the same kiosk.config.json (the path
// in KIOSK_CONFIG), the same secrets file in dataDir, the pages beside the service bundle. The agent's
// are in standalone-agent.ts (the hub's bundle must not hold the device-agent).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.ts';
import type { BranchConfig } from './config-schema.ts';
import { hubUsesTls } from './hub-tls.ts';
import { requireWritableDir } from './preflight.ts';
import { loadOrCreateSecrets } from './secrets.ts';
import { hubServiceOptions, type HubServiceOptions } from './service-options.ts';

/** The built pages: `pages/` beside `services/` in a release, kiosk-ui/dist in the repository. */
export function pagesDirFor(entryUrl: string): string {
  const here = dirname(fileURLToPath(entryUrl));
  const candidates = [join(here, '../pages'), join(here, '../../kiosk-ui/dist')];
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (found === undefined) throw new Error(`no built pages (index.html) in ${candidates.join(' or ')}`);
  return found;
}

/** The config and the data folder (made when missing, checked writable). */
export function standaloneBase(): { config: BranchConfig; dataDir: string } {
  const { config } = loadConfig();
  const dataDir = resolve(config.dataDir);
  requireWritableDir(dataDir, 'dataDir');
  return { config, dataDir };
}

/** The hub the agent syncs with: agent.hubUrl, or the local hub (a wildcard listen address is loopback). */
export function hubUrlFor(config: BranchConfig): string {
  if (config.agent.hubUrl !== '') return config.agent.hubUrl;
  const host = ['0.0.0.0', '::', ''].includes(config.hub.host) ? '127.0.0.1' : config.hub.host;
  const scheme = hubUsesTls(config) ? 'https' : 'http';
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${config.hub.port}`;
}

export async function standaloneHubOptions(entryUrl: string): Promise<HubServiceOptions> {
  const { config, dataDir } = standaloneBase();
  const { secrets } = loadOrCreateSecrets(dataDir);
  return hubServiceOptions(config, secrets, dataDir, pagesDirFor(entryUrl));
}
