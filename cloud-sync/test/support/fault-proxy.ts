// A TCP fault proxy for the reliability tests and the soak: sits between kiosk and hub on loopback and
// misbehaves on demand. Modes apply to data flowing from now on:
//   pass            forward both ways
//   delay           forward each chunk after `delayMs` (order kept)
//   drop            swallow everything both ways (the peer sees a hung connection)
//   drop_responses  forward requests, swallow responses (the hub commits, the kiosk never hears)
//   refuse          close new connections at once
// cut() resets every open connection now, whatever the mode.
import net from 'node:net';

export type FaultMode = 'pass' | 'delay' | 'drop' | 'drop_responses' | 'refuse';

export class FaultProxy {
  private mode: FaultMode = 'pass';
  private delayMs = 0;
  private readonly pairs = new Set<[net.Socket, net.Socket]>();
  /** Connections accepted since start. */
  connections = 0;

  private constructor(
    private readonly server: net.Server,
    private targetPort: number,
    private readonly targetHost: string,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<FaultProxy> {
    const server = net.createServer();
    const proxy = new FaultProxy(server, targetPort, targetHost);
    server.on('connection', (s) => proxy.accept(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  set(mode: FaultMode, delayMs = 0): void {
    this.mode = mode;
    this.delayMs = delayMs;
  }

  /** Points the proxy at another port (a restarted hub); open connections are cut. */
  retarget(port: number): void {
    this.targetPort = port;
    this.cut();
  }

  cut(): void {
    for (const [a, b] of this.pairs) {
      a.resetAndDestroy();
      b.resetAndDestroy();
    }
    this.pairs.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.connections += 1;
    client.on('error', () => client.destroy());
    if (this.mode === 'refuse') {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(this.targetPort, this.targetHost);
    const pair: [net.Socket, net.Socket] = [client, upstream];
    this.pairs.add(pair);
    const end = (): void => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    this.forward(client, upstream, 'request');
    this.forward(upstream, client, 'response');
  }

  private forward(from: net.Socket, to: net.Socket, direction: 'request' | 'response'): void {
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const mode = this.mode;
      if (mode === 'drop' || mode === 'refuse') return;
      if (mode === 'drop_responses' && direction === 'response') return;
      if (mode === 'delay' && this.delayMs > 0) {
        const ms = this.delayMs;
        queue = queue
          .then(() => new Promise((r) => setTimeout(r, ms)))
          .then(() => {
            if (!to.destroyed) to.write(chunk);
          });
        return;
      }
      queue = queue.then(() => {
        if (!to.destroyed) to.write(chunk);
      });
    });
  }
}
