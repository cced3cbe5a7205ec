// Asks the hub for a person on behalf of the kiosk page. The agent holds the kiosk credential and
// adds what only it knows (masked card, customer tier, last question, bot confidence, device state);
// the hub routes the request and returns a join token bound to this one call, which the page uses to
// open the signalling socket itself (media then flows P2P between the two browsers).
import {
  HUB_PATHS,
  HandoffAcceptedSchema,
  hubFetch,
  type HandoffRequest,
  type HubClientTls,
} from '@branch/cloud-sync';
import { readHubTls, type HubLinkOptions } from '../agent/hub-link.ts';
import type { Logger } from 'pino';
import type {
  CommandPayload,
  CustomerProfile,
  HandoffTicket,
  ServiceAvailability,
} from '../protocol/messages.ts';
import type { SessionService } from '../session/session-service.ts';

/** What the agent learnt of the customer in this session (set when a card is read). */
export interface SessionIdentity {
  maskedPan: string;
  customer?: CustomerProfile;
}

export class HandoffUnavailableError extends Error {}

/** The hub refused the request over this kiosk's handoff limits (429): the customer is told plainly. */
export class HandoffLimitReachedError extends Error {
  constructor(
    message: string,
    readonly retryAfterS: number | null,
  ) {
    super(message);
  }
}

export class HandoffRelay {
  constructor(
    private readonly hub: HubLinkOptions,
    private readonly sessions: SessionService,
    private readonly availability: () => ServiceAvailability,
    private readonly logger: Logger,
  ) {
    this.tls = readHubTls(hub);
  }

  private readonly tls: HubClientTls | undefined;

  async request(
    cmd: CommandPayload<'Handoff.Request'>,
    identity: SessionIdentity | undefined,
  ): Promise<HandoffTicket> {
    const session = this.sessions.summary(cmd.sessionId);
    const a = this.availability();
    const intent = cmd.intent ?? session.last?.intent;
    const body: HandoffRequest = {
      sessionId: cmd.sessionId,
      locale: session.locale,
      reason: cmd.reason,
      // The page may name the intent; otherwise the bot's understanding of the last question does.
      ...(intent !== undefined ? { intent } : {}),
      ...(session.last
        ? { lastCustomerText: session.last.text, botConfidence: session.last.confidence }
        : {}),
      ...(identity ? { maskedPan: identity.maskedPan } : {}),
      ...(identity?.customer ? { customer: identity.customer } : {}),
      deviceState: {
        available: a.available,
        safetyState: a.safetyState,
        ...(a.reason ? { reason: a.reason } : {}),
      },
      ...(cmd.priorityBoost !== undefined ? { priorityBoost: cmd.priorityBoost } : {}),
      ...(cmd.negativeCue !== undefined ? { negativeCue: cmd.negativeCue } : {}),
      ...(cmd.emotion !== undefined ? { emotion: cmd.emotion } : {}),
      ...(cmd.cues !== undefined ? { cues: cmd.cues } : {}),
    };
    let res: Response;
    try {
      res = await hubFetch(
        new URL(HUB_PATHS.handoffRequests, this.hub.url),
        {
          method: 'POST',
          headers: { authorization: `Bearer ${this.hub.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(5000),
        },
        this.tls,
      );
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message } }, 'hub unreachable for a handoff');
      throw new HandoffUnavailableError('the hub cannot be reached; no agent can take the call now');
    }
    if (res.status === 429) throw await limitReached(res, this.logger);
    if (!res.ok) {
      this.logger.warn({ status: res.status }, 'hub refused a handoff request');
      throw new HandoffUnavailableError(`the hub refused the handoff request (HTTP ${res.status})`);
    }
    const accepted = HandoffAcceptedSchema.parse(await res.json());
    this.logger.info({ sessionId: cmd.sessionId, route: accepted.route }, 'handoff requested');
    if (!accepted.queued) return { queued: false, route: 'bot' };
    const signalUrl = new URL(accepted.signalPath, this.hub.url);
    signalUrl.protocol = signalUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    return {
      queued: true,
      handoffId: accepted.handoffId,
      route: accepted.route,
      joinToken: accepted.joinToken,
      signalUrl: signalUrl.toString(),
      iceServers: accepted.iceServers,
      ...(accepted.iceTransportPolicy ? { iceTransportPolicy: accepted.iceTransportPolicy } : {}),
      // An older hub that does not say records nothing we know of: no notice is better than a false one.
      recording: accepted.recording === true,
      position: accepted.position,
      estimatedWaitS: accepted.estimatedWaitS,
    };
  }
}

/** The hub's 429 as an error naming its reason; a body that is not the hub's JSON still gives one. */
async function limitReached(res: Response, logger: Logger): Promise<HandoffLimitReachedError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown };
  } | null;
  const code = typeof body?.error?.code === 'string' ? body.error.code : 'too_many_handoffs';
  const why = typeof body?.error?.message === 'string' ? body.error.message.slice(0, 300) : null;
  const retry = Number(res.headers.get('retry-after'));
  const retryAfterS = Number.isFinite(retry) && retry > 0 ? retry : null;
  logger.warn({ status: 429, code, retryAfterS }, 'hub refused a handoff request over this kiosk’s limit');
  return new HandoffLimitReachedError(
    `the hub will not take another handoff from this kiosk now (${why ?? code})`,
    retryAfterS,
  );
}
