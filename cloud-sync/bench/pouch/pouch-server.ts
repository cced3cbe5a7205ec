// The peer's server: express-pouchdb over PouchDB with the leveldb adapter, on disk, in its own
// process. Prints {"url": ...} when listening. Env: POUCH_DIR.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';

const require = createRequire(import.meta.url);
// pouchdb's Node build already has the leveldb adapter; registering the package makes the choice explicit.
const PouchDB = require('pouchdb').plugin(require('pouchdb-adapter-leveldb'));
const dir = `${process.env.POUCH_DIR ?? '.'}/`;
const Prefixed = PouchDB.defaults({ prefix: dir, adapter: 'leveldb' });
const app = require('express-pouchdb')(Prefixed, {
  mode: 'minimumForPouchDB',
  inMemoryConfig: true,
  logPath: `${dir}log.txt`,
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
