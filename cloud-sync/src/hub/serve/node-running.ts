// What startHub hands back on Node: the hub's handles, and one close that runs once however often it
// is called (sockets first, then HTTP connections, then the core and its store).
import type { Logger } from '../../logger.ts';
import type { RecordingOptions } from '../recording-files.ts';
import type { HubStore } from '../store/types.ts';
import type { AssembledHub } from './hub-assembly.ts';
import type { NodeHttp } from './node-http.ts';
import type { RunningHub } from './node-options.ts';

export function runningHub(
  hub: AssembledHub,
  http: NodeHttp,
  parts: { store: HubStore; recordings: RecordingOptions | undefined; logger: Logger },
): RunningHub {
  const stop = async (): Promise<void> => {
    hub.sockets.close();
    await http.stop();
    await hub.close();
    parts.logger.info({ event: 'hub.stopped' }, 'hub stopped');
  };
  let closing: Promise<void> | null = null;
  return {
    url: http.url,
    store: parts.store,
    events: hub.events,
    handoff: hub.handoff,
    realtimeConnections: () => hub.sockets.realtimeConnections(),
    recordings: parts.recordings,
    close: () => (closing ??= stop()),
  };
}
