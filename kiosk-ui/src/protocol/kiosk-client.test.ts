import { beforeEach, describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.ts';
import { CommandFailed, DEFAULT_BACKOFF, KioskClient, type SocketLike } from './kiosk-client.ts';

/** A socket double the test drives by hand: what the client sent, and what the agent "says". */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { header: { type: string; name: string; requestId: number; version: string }; payload: unknown }[] =
    [];
  closed = false;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(type: string, name: string, requestId: number, payload: unknown): void {
    this.onmessage?.({
      data: JSON.stringify({ header: { type, name, requestId, version: '1.0' }, payload }),
    });
  }
}

/** Manual timers: the test advances time and sees exactly which callbacks fire. */
class Clock {
  now = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private next = 1;
  set = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.set(id, { at: this.now + ms, fn });
    return id;
  };
  clear = (h: unknown): void => void this.timers.delete(h as number);
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
  get count(): number {
    return this.timers.size;
  }
}

describe('KioskClient', () => {
  let sockets: FakeSocket[];
  let clock: Clock;
  let client: KioskClient;
  let states: string[];

  beforeEach(() => {
    sockets = [];
    clock = new Clock();
    client = new KioskClient({
      url: 'ws://kiosk/ws',
      createSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      timeoutMs: 1000,
      random: () => 0.5,
      setTimer: clock.set,
      clearTimer: clock.clear,
    });
    states = [];
    client.onState((s) => states.push(s));
    client.connect();
  });

  const socket = (): FakeSocket => sockets[sockets.length - 1]!;

  it('sends XFS4IoT-style commands with increasing request ids', async () => {
    socket().open();
    void client.send('Common.Status', {});
    void client.send('Session.Start', { locale: 'en' });
    expect(socket().sent.map((m) => m.header)).toEqual([
      { type: 'command', name: 'Common.Status', requestId: 1, version: '1.0' },
      { type: 'command', name: 'Session.Start', requestId: 2, version: '1.0' },
    ]);
    expect(socket().sent[1]!.payload).toEqual({ locale: 'en' });
  });

  it('matches completions to commands by request id, out of order, ignoring acknowledges', async () => {
    socket().open();
    const a = client.send('Session.Start', { locale: 'zh-CN' });
    const b = client.send('Session.Ask', { sessionId: 's1', text: 'opening hours?' });
    socket().receive('acknowledge', 'Session.Ask', 2, {});
    socket().receive('completion', 'Session.Ask', 2, {
      completionCode: 'success',
      answer: { text: '9 to 5', confidence: 0.9 },
    });
    socket().receive('completion', 'Session.Start', 1, { completionCode: 'success', sessionId: 's1' });
    await expect(b).resolves.toEqual({ answer: { text: '9 to 5', confidence: 0.9 } });
    await expect(a).resolves.toEqual({ sessionId: 's1' });
    expect(clock.count).toBe(0);
  });

  it('rejects with the completion code, error code and description of an error completion', async () => {
    socket().open();
    const read = client.send('CardReader.ReadCard', { sessionId: 's1', timeoutMs: 30_000 });
    socket().receive('completion', 'CardReader.ReadCard', 1, {
      completionCode: 'commandErrorCode',
      errorCode: 'badSwipe',
      errorDescription: 'track 2 unreadable',
    });
    const err = await read.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandFailed);
    expect(err).toMatchObject({
      completionCode: 'commandErrorCode',
      errorCode: 'badSwipe',
      message: 'track 2 unreadable',
    });
  });

  it('times out a command with no completion, and ignores a completion that comes later', async () => {
    socket().open();
    const p = client.send('Common.Status', {}, { timeoutMs: 500 });
    clock.advance(499);
    let settled = false;
    p.catch(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    clock.advance(1);
    await expect(p).rejects.toMatchObject({ completionCode: 'clientTimeout' });
    expect(() =>
      socket().receive('completion', 'Common.Status', 1, { completionCode: 'success' }),
    ).not.toThrow();
  });

  it('delivers unsolicited messages to subscribers', () => {
    socket().open();
    const seen: unknown[] = [];
    const off = client.on('Common.StatusChanged', (p) => seen.push(p));
    socket().receive('unsolicited', 'Common.StatusChanged', 0, {
      available: false,
      reason: 'estop',
      safetyState: 'ESTOP',
    });
    off();
    socket().receive('unsolicited', 'Common.StatusChanged', 0, { available: true, safetyState: 'READY' });
    expect(seen).toEqual([{ available: false, reason: 'estop', safetyState: 'ESTOP' }]);
  });

  it('fails pending commands on disconnect, then reconnects with growing backoff', async () => {
    socket().open();
    const p = client.send('Common.Status', {});
    socket().drop();
    await expect(p).rejects.toMatchObject({ completionCode: 'disconnected' });
    expect(states).toEqual(['connecting', 'connected', 'disconnected']);
    await expect(client.send('Common.Status', {})).rejects.toMatchObject({ completionCode: 'disconnected' });

    const first = backoffDelay(0, DEFAULT_BACKOFF, () => 0.5);
    clock.advance(first - 1);
    expect(sockets).toHaveLength(1);
    clock.advance(1);
    expect(sockets).toHaveLength(2);
    expect(client.state).toBe('connecting');
    socket().drop(); // the agent is still down
    const second = backoffDelay(1, DEFAULT_BACKOFF, () => 0.5);
    expect(second).toBeGreaterThan(first);
    clock.advance(second);
    expect(sockets).toHaveLength(3);
    socket().open();
    expect(client.state).toBe('connected');
    // After a successful connection the backoff starts over.
    socket().drop();
    clock.advance(first);
    expect(sockets).toHaveLength(4);
  });

  it('ignores garbage and messages for unknown request ids', () => {
    socket().open();
    socket().onmessage?.({ data: 'not json' });
    socket().onmessage?.({ data: '{"header":null}' });
    socket().receive('completion', 'Common.Status', 99, { completionCode: 'success' });
    expect(client.state).toBe('connected');
  });

  it('stops reconnecting after close()', () => {
    socket().open();
    client.close();
    expect(socket().closed).toBe(true);
    clock.advance(60_000);
    expect(sockets).toHaveLength(1);
    expect(client.state).toBe('disconnected');
  });
});

describe('KioskClient with resolveUrl', () => {
  it('asks for the URL (this boot’s secret) before every connect, and retries when that fails', async () => {
    const clock = new Clock();
    const urls: string[] = [];
    const answers = [Promise.resolve('ws://kiosk/ws?boot=one'), Promise.reject(new Error('agent down'))];
    answers[1]!.catch(() => undefined);
    let asked = 0;
    const client = new KioskClient({
      url: 'ws://kiosk/ws',
      resolveUrl: () => answers[asked++] ?? Promise.resolve('ws://kiosk/ws?boot=two'),
      createSocket: (url) => {
        urls.push(url);
        return new FakeSocket(url);
      },
      random: () => 0.5,
      setTimer: clock.set,
      clearTimer: clock.clear,
    });
    client.connect();
    await Promise.resolve();
    await Promise.resolve();
    expect(urls).toEqual(['ws://kiosk/ws?boot=one']);
    client.close();
    client.connect(); // the secret lookup fails: a reconnect is scheduled, no socket opened
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(urls).toHaveLength(1);
    expect(client.state).toBe('disconnected');
    clock.advance(60_000);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(urls).toEqual(['ws://kiosk/ws?boot=one', 'ws://kiosk/ws?boot=two']);
    client.close();
  });
});
