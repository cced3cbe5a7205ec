// The single-box hub's backup and restore, on the hub database of kiosk.config.json's dataDir:
//   hub-backup backup FILE    online backup while the hub runs (SQLite's backup API)
//   hub-backup restore FILE   with the hub stopped: puts FILE in place (the old database is kept beside)
// In a release: node /opt/branch-kiosk/current/services/hub-backup.mjs ...; in the repository:
// npm run hub:backup -- backup FILE.
import { backupSqliteHub, restoreSqliteHub } from '@branch/cloud-sync';
import { join, resolve } from 'node:path';
import { loadConfig } from '../lib/config.ts';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || file === undefined) {
    throw new Error('usage: hub-backup backup FILE | hub-backup restore FILE');
  }
  const { config, source } = loadConfig();
  const dbFile = join(resolve(config.dataDir), 'hub', 'hub.sqlite');
  const target = resolve(file);
  if (command === 'backup') {
    const { pages } = await backupSqliteHub(dbFile, target);
    console.log(`hub-backup: ${dbFile} -> ${target} (${pages} pages; config from ${source})`);
  } else {
    const { replaced } = restoreSqliteHub(dbFile, target);
    console.log(`hub-backup: ${target} -> ${dbFile}${replaced ? ` (the old database is ${replaced})` : ''}`);
  }
}

main().catch((err: unknown) => {
  console.error(`hub-backup: ${(err as Error).message}`);
  process.exit(1);
});
