// Plays a scripted hour of handoff traffic (call-script.ts) through the hub's real handoff path at 60x:
// kiosks ask over HTTP and hold their signalling sockets, agents accept and end over theirs, customers
// cancel; before each step the hub's handoff clock is set to the step's scripted time. Afterwards the
// visits' conversations (ratings, emotion summaries) are synced up as the kiosks would.
import { randomBytes } from 'node:crypto';
import { Hlc } from '@branch/cloud-sync';
import WebSocket from 'ws';
import type { ScriptedCall } from './call-script.ts';

type Msg = { t: string } & Record<string, unknown>;

export class SignalSocket {
  private readonly received: Msg[] = [];
  private wake: (() => void) | null = null;
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.received.push(JSON.parse(String(data)) as Msg);
      this.wake?.();
    });
  }

  static async open(hubUrl: string, token: string): Promise<SignalSocket> {
    const ws = new WebSocket(`${hubUrl.replace(/^http/, 'ws')}/api/handoff/ws`);
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    const s = new SignalSocket(ws);
    s.send({ t: 'auth', token });
    await s.next('ready');
    return s;
  }

  send(msg: object): void {
    this.ws.send(JSON.stringify(msg));
  }

  /** The next message of type `t` (earlier ones of other types stay unread); fails after 10 s. */
  async next(t: string): Promise<Msg> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const i = this.received.findIndex((m) => m.t === t || m.t === 'error');
      if (i >= 0) {
        const [m] = this.received.splice(i, 1) as [Msg];
        if (m.t === 'error') throw new Error(`hub answered ${JSON.stringify(m)} while waiting for ${t}`);
        return m;
      }
      if (Date.now() > deadline) throw new Error(`no ${t} message in 10 s`);
      await new Promise<void>((res) => {
        const timer = setTimeout(res, 200);
        this.wake = () => {
          clearTimeout(timer);
          res();
        };
      });
    }
  }

  close(): void {
    this.ws.close();
  }
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID (the sync wire's change id): 48-bit time, 80 random bits, Crockford base32. */
export function ulid(now = Date.now()): string {
  let time = '';
  for (let t = now, i = 0; i < 10; i += 1, t = Math.floor(t / 32)) time = CROCKFORD[t % 32] + time;
  return time + [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
}

export interface Traffic {
  hubUrl: string;
  kiosks: { id: string; token: string }[];
  /** Signed-in agents' sockets by username. */
  agents: Map<string, SignalSocket>;
  clock: { t: number };
  startMs: number;
  speed: number;
}

const sessionOf = (c: ScriptedCall) => `visit-${c.id}`;

export async function playHour(calls: readonly ScriptedCall[], x: Traffic): Promise<SignalSocket[]> {
  const steps: { at: number; rank: number; run: () => Promise<void> }[] = [];
  const kioskSockets = new Map<number, SignalSocket>();
  const handoffIds = new Map<number, string>();
  const agent = (name: string | null) => {
    const s = name ? x.agents.get(name) : undefined;
    if (!s) throw new Error(`no socket for agent ${name}`);
    return s;
  };
  for (const c of calls) {
    const kiosk = x.kiosks[c.kiosk] as { id: string; token: string };
    steps.push({
      at: c.arrive,
      rank: 3,
      run: async () => {
        const body = {
          sessionId: sessionOf(c),
          locale: 'en',
          reason: 'customer_request',
          negativeCue: c.negativeCue,
          ...(c.queue === 'risk' ? { intent: 'complaint' } : {}),
          ...(c.queue === 'expert' ? { customer: { tier: 'vip' } } : {}),
        };
        const res = await fetch(`${x.hubUrl}/api/handoff/requests`, {
          method: 'POST',
          headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const answer = (await res.json()) as { route: string; handoffId: string; joinToken: string };
        if (answer.route !== c.queue) throw new Error(`call ${c.id} went to ${answer.route}, not ${c.queue}`);
        handoffIds.set(c.id, answer.handoffId);
        kioskSockets.set(c.id, await SignalSocket.open(x.hubUrl, answer.joinToken));
      },
    });
    if (c.answer !== null)
      steps.push({
        at: c.answer,
        rank: 2,
        run: async () => {
          agent(c.agent).send({ t: 'accept' });
          const got = (await agent(c.agent).next('assigned')) as unknown as { call: { handoffId: string } };
          if (got.call.handoffId !== handoffIds.get(c.id))
            throw new Error(`${c.agent} was given ${got.call.handoffId}, the script says call ${c.id}`);
        },
      });
    if (c.end !== null)
      steps.push({
        at: c.end,
        rank: 0,
        run: async () => {
          agent(c.agent).send({ t: 'end', notes: `call ${c.id}`, resolved: true });
          await agent(c.agent).next('ended');
        },
      });
    if (c.abandon !== null)
      steps.push({
        at: c.abandon,
        rank: 1,
        run: async () => {
          const s = kioskSockets.get(c.id);
          s?.send({ t: 'cancel' });
          await s?.next('ended');
        },
      });
  }
  steps.sort((a, b) => a.at - b.at || a.rank - b.rank);
  const t0 = x.clock.t;
  for (const step of steps) {
    const due = x.startMs + (step.at * 1000) / x.speed;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    x.clock.t = t0 + step.at * 1000;
    await step.run();
  }
  return [...kioskSockets.values()];
}

/** The visits' conversations as the kiosks sync them after wrap-up: rating and emotion summary. */
export async function syncVisits(
  calls: readonly ScriptedCall[],
  x: Traffic,
  startedAt: string,
): Promise<void> {
  for (const [i, kiosk] of x.kiosks.entries()) {
    const clock = new Hlc(kiosk.id);
    const changes = calls
      .filter((c) => c.kiosk === i)
      .map((c) => ({
        id: ulid(),
        kioskId: kiosk.id,
        entity: 'conversation',
        entityId: sessionOf(c),
        op: 'upsert',
        hlc: Hlc.serialize(clock.now()),
        data: {
          id: sessionOf(c),
          kioskId: kiosk.id,
          locale: 'en',
          startedAt,
          ...(c.rating === null ? {} : { rating: c.rating }),
          emotion: {
            faceMs: 60_000,
            cues: c.negativeEmotion
              ? { angry: { count: 3, ms: 20_000 } }
              : { neutral: { count: 1, ms: 60_000 } },
            dominant: c.negativeEmotion ? 'angry' : 'neutral',
            negativeSustained: c.negativeEmotion,
          },
        },
      }));
    const res = await fetch(`${x.hubUrl}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ changes }),
    });
    if (res.status !== 200) throw new Error(`sync push of ${kiosk.id}: ${res.status} ${await res.text()}`);
  }
}
