// A small round-robin TCP proxy on loopback, standing for the load balancer in front of several hub
// instances: each new connection (HTTP or WebSocket alike) goes to the next target in turn, skipping
// a target that refuses it (a killed instance). Bytes pass through untouched both ways; when either
// side closes, so does the other.
import net from 'node:net';

export class RoundRobinProxy {
  private next = 0;
  private readonly open = new Set<net.Socket>();
  /** The target index each accepted connection went to, in order. */
  readonly routed: number[] = [];

  private constructor(
    private readonly server: net.Server,
    private readonly ports: readonly number[],
  ) {}

  static async start(ports: readonly number[]): Promise<RoundRobinProxy> {
    const server = net.createServer();
    const proxy = new RoundRobinProxy(server, ports);
    server.on('connection', (s) => proxy.accept(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  /** The next connection goes to target `i` (and the turn goes on from there). */
  sendNextTo(i: number): void {
    this.next = i % this.ports.length;
  }

  private accept(client: net.Socket): void {
    this.open.add(client);
    client.on('close', () => this.open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    this.connect(client, this.ports.length);
  }

  private connect(client: net.Socket, triesLeft: number): void {
    if (triesLeft === 0 || client.destroyed) return void client.destroy();
    const i = this.next;
    this.next = (this.next + 1) % this.ports.length;
    const upstream = net.connect(this.ports[i] as number, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.routed.push(i);
      this.open.add(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    upstream.on('error', () => {
      // Refused: that instance is down, the next one takes the connection.
      if (!connected) return this.connect(client, triesLeft - 1);
      client.destroy();
    });
    upstream.on('close', () => {
      this.open.delete(upstream);
      if (connected) client.destroy();
    });
    client.on('close', () => upstream.destroy());
  }

  async close(): Promise<void> {
    for (const s of this.open) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
