// The hub on Deno, configured from the environment like bin/hub.ts (see README): run from the
// repository root with `npx deno run -A cloud-sync/bin/hub-deno.ts`. Prints one JSON line
// {"event":"hub.started","url":...,"runtime":"deno"} when it listens. TLS, call recording and the
// console's static files are the Node hub's: set here, they stop it with a line that says so.
import { startDenoHub } from '../src/hub/serve/deno.ts';
import { Deno } from '../src/hub/serve/deno-runtime.ts';
import { hubOptionsFromEnv, jsonLineLogger, type HubEnvOptions } from './hub-options-env.ts';

const fail = (message: string): never => {
  console.error(message);
  return Deno.exit(1);
};
const options = ((): HubEnvOptions => {
  try {
    return hubOptionsFromEnv(Deno.env.toObject(), jsonLineLogger(console.log));
  } catch (err) {
    return fail((err as Error).message);
  }
})();
const { tls, recording, staticDir, ...rest } = options;
if (tls || recording || staticDir)
  fail('HUB_TLS_*, HUB_RECORDING and HUB_STATIC_DIR need the Node hub (bin/hub.ts); the Deno hub has none');
const hub = await startDenoHub(rest);

const shutdown = (): void =>
  void hub.close().then(
    () => Deno.exit(0),
    () => Deno.exit(1),
  );
Deno.addSignalListener('SIGINT', shutdown);
Deno.addSignalListener('SIGTERM', shutdown);
