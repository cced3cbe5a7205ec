// Node 20 has no global ErrorEvent (a browser and Deno API). @hono/node-ws builds one for every error
// `ws` reports on a socket (text that is not UTF-8, a frame past maxPayload, a bad opcode); without it
// that path threw "ErrorEvent is not defined", the core's onError never ran, and the hub logged its own
// failure instead of the peer's. @hono/node-ws supplies CloseEvent the same way.

interface ErrorEventInit extends EventInit {
  error?: unknown;
  message?: string;
}

class NodeErrorEvent extends Event {
  readonly error: unknown;
  readonly message: string;
  readonly filename = '';
  readonly lineno = 0;
  readonly colno = 0;
  constructor(type: string, init: ErrorEventInit = {}) {
    super(type, init);
    this.error = init.error;
    this.message = init.message ?? (init.error instanceof Error ? init.error.message : '');
  }
}

/** Defines globalThis.ErrorEvent where the runtime lacks it; a runtime's own is left alone. */
export function ensureErrorEvent(): void {
  if (typeof globalThis.ErrorEvent === 'function') return;
  Object.defineProperty(globalThis, 'ErrorEvent', {
    value: NodeErrorEvent,
    writable: true,
    configurable: true,
  });
}
