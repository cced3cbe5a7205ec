// The agent's tools inside a call, at the hub: an article and a canned reply go to the kiosk in the
// customer's language (looked up here, so the kiosk only ever shows what the hub holds, as plain text),
// hold and resume, and the transfer to another desk with a note, which puts the customer back in line
// in the new queue at their old place (enqueued time and priority kept) and logs a `transferred` call
// event carrying the first desk's handling time. Free text is masked of card numbers on receipt.
import type { ClientSignal, ServerSignal } from '../schema/handoff.ts';
import { transferTargets } from '../schema/call-desk-api.ts';
import { articleForKiosk } from '../hub/call-articles.ts';
import { maskDigitRuns } from '../wire.ts';
import type { HandoffCallsDeps } from './handoff-calls.ts';
import type { AgentParty } from './handoff-peers.ts';
import { recordCallEvent } from './call-events.ts';
import { send, type SignalPeer } from './signal-wire.ts';

export type CallDeskMessage = Extract<ClientSignal, { t: 'article' | 'canned' | 'transfer' | 'hold' }>;

export function isCallDeskMessage(msg: ClientSignal): msg is CallDeskMessage {
  return msg.t === 'article' || msg.t === 'canned' || msg.t === 'transfer' || msg.t === 'hold';
}

/** One of the agent's call-desk messages on the call `handoffId` the agent's socket holds. */
export async function callDeskMessage(
  o: HandoffCallsDeps,
  peer: SignalPeer,
  party: AgentParty,
  handoffId: string,
  msg: CallDeskMessage,
): Promise<void> {
  const fail = (code: string, message: string): void => send(peer, { t: 'error', code, message });
  const h = await o.store.handoffs.get(handoffId);
  if (!h || h.state !== 'in_call' || h.agent !== party.username)
    return fail('no_call', 'this call is no longer yours');
  const toKiosk = (m: ServerSignal): void => o.bus.publish({ k: 'kiosk', handoffId, msg: m });
  const locale = h.request.locale;
  const now = o.now();
  switch (msg.t) {
    case 'article': {
      const article = articleForKiosk(await o.store.currentArticles(), msg.articleId, locale, new Date(now));
      if (!article)
        return fail(
          'not_found',
          `no article ${msg.articleId} in effect in the customer's language (${locale})`,
        );
      toKiosk({ t: 'article', article });
      // The console says "shown" only once the hub has sent it.
      return send(peer, { t: 'article', article });
    }
    case 'canned': {
      const reply = await o.store.callDesk.cannedReply(msg.replyId);
      if (!reply) return fail('not_found', 'no such canned reply (a supervisor may have removed it)');
      const said: ServerSignal = { t: 'chat', from: 'agent', text: reply[locale] };
      toKiosk(said);
      return send(peer, said);
    }
    case 'hold':
      // Kept on the call, so that a kiosk whose socket reconnects is told again (handoff-hub.ts).
      if (!(await o.store.callDesk.setHold(handoffId, party.username, msg.on ? now : null)))
        return fail('no_call', 'this call is no longer yours');
      toKiosk({ t: 'hold', on: msg.on });
      o.log.info({ event: 'hub.handoff.hold', handoffId, agent: party.username, on: msg.on });
      return send(peer, { t: 'hold', on: msg.on });
    case 'transfer': {
      if (!transferTargets(h.queue).includes(msg.queue))
        return fail('same_queue', `the call is already in the ${msg.queue} queue`);
      const transfer = {
        fromAgent: party.username,
        fromQueue: h.queue,
        note: maskDigitRuns(msg.note.trim()),
        at: now,
      };
      const moved = await o.store.callDesk.transfer(handoffId, party.username, msg.queue, transfer);
      if (!moved) return fail('no_call', 'this call is no longer yours');
      const handleMs = h.acceptedAt === null ? null : now - h.acceptedAt;
      // The first desk's leg: its queue, agent and handling time, and where the call went.
      recordCallEvent(o.store, o.log, h, 'transferred', now, {
        ...(handleMs === null ? {} : { handleMs }),
        reason: `to_${msg.queue}`,
      });
      if (handleMs !== null) await o.store.handoffs.recordHandled(handleMs / 1000);
      const { queues } = await o.peers.queues();
      const placed: ServerSignal = {
        t: 'transferred',
        queue: msg.queue,
        position: queues.position(handoffId, now),
        estimatedWaitS: queues.estimatedWaitS(handoffId, now),
      };
      o.bus.publish({ k: 'agent', handoffId, msg: placed, release: true });
      toKiosk(placed);
      o.log.info({ event: 'hub.handoff.transferred', handoffId, from: h.queue, to: msg.queue });
      o.bus.publish({ k: 'queues' });
      return;
    }
  }
}
