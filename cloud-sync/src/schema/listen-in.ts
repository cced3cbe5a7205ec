// Listen-in (issue 18): a supervisor joins a live call receive-only, then may step in. The media goes
// on a second WebRTC connection between the agent's browser (which sends the customer's video and
// voice and the agent's own voice) and the supervisor's browser (which sends nothing until it steps
// in, then its microphone). Its negotiation travels on the handoff signalling socket like the call's
// (the client messages' schemas sit in handoff.ts, in its union); starting and stepping in are HTTP
// requests (supervisors only, audited). Types only.
import type { Locale } from './conversation.ts';
import type { QueueName, SignalData } from './handoff.ts';

/** What the hub sends about listen-ins on the signalling sockets. */
export type ListenServerSignal =
  /** To the agent: a supervisor listens now; offer them the call's media. */
  | { t: 'listen_start'; handoffId: string; supervisor: string; supervisorName: string }
  /** Either way: the other end's negotiation (`from`: the supervisor, or the call's agent). */
  | { t: 'listen_signal'; handoffId: string; from: string; data: SignalData }
  /** To the agent: the supervisor speaks now; mix their voice into what the customer hears. */
  | { t: 'listen_step_in'; handoffId: string; supervisor: string }
  /** To the agent or the supervisor: the listen-in is over. */
  | { t: 'listen_end'; handoffId: string; supervisor: string }
  /** To the kiosk: a supervisor has stepped in and can be heard (sent only on step-in). */
  | { t: 'supervisor_joined'; name: string }
  /** To the kiosk: that supervisor has left the call (ignored when they never stepped in). */
  | { t: 'supervisor_left'; name: string };

/** A live call as the supervisor's list shows it (GET /api/agent/supervisor/calls/live). */
export interface LiveCallView {
  handoffId: string;
  kioskId: string;
  queue: QueueName;
  locale: Locale;
  agent: string;
  agentName: string | null;
  /** ISO time the agent accepted it. */
  acceptedAt: string;
}

export interface LiveCallsResponse {
  calls: LiveCallView[];
}

/** The answer to POST .../calls/:handoffId/listen and .../step-in. */
export interface ListenInAnswer {
  handoffId: string;
  agent: string;
  kioskId: string;
}
