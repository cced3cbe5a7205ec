import { describe, expect, it } from 'vitest';
import { isListenMessage, listenRoute, type ListenMessage } from './listen-route.ts';

const data = { kind: 'answer' as const, sdp: 'v=0' };
const agentOn = (call: string | null) => ({ username: 'li.na', role: 'agent', call });
const supervisor = { username: 'zhou.min', role: 'supervisor', call: null };

describe('listenRoute', () => {
  it('sends the call agent’s answer to the supervisor it names', () => {
    const msg: ListenMessage = { t: 'listen_signal', handoffId: 'h1', to: 'zhou.min', data };
    expect(listenRoute(agentOn('h1'), msg)).toEqual({ to: 'supervisor', supervisor: 'zhou.min' });
    expect(listenRoute(agentOn('h1'), { t: 'listen_end', handoffId: 'h1', to: 'zhou.min' })).toEqual({
      to: 'supervisor',
      supervisor: 'zhou.min',
    });
  });

  it('refuses an agent on another call, on none, or naming nobody', () => {
    expect(listenRoute(agentOn('h2'), { t: 'listen_signal', handoffId: 'h1', to: 'zhou.min', data })).toEqual(
      {
        to: 'refused',
      },
    );
    expect(listenRoute(agentOn(null), { t: 'listen_end', handoffId: 'h1', to: 'zhou.min' })).toEqual({
      to: 'refused',
    });
    expect(listenRoute(agentOn('h1'), { t: 'listen_signal', handoffId: 'h1', data })).toEqual({
      to: 'refused',
    });
  });

  it('sends a supervisor’s message to the agent on the call it names, as from that supervisor', () => {
    expect(listenRoute(supervisor, { t: 'listen_signal', handoffId: 'h1', data })).toEqual({
      to: 'agent',
      supervisor: 'zhou.min',
    });
    // A `to` from a supervisor not on that call names nobody: it still goes to the call's agent.
    expect(listenRoute(supervisor, { t: 'listen_end', handoffId: 'h1', to: 'li.na' })).toEqual({
      to: 'agent',
      supervisor: 'zhou.min',
    });
  });

  it('tells listen-in messages from the call’s own', () => {
    expect(isListenMessage({ t: 'listen_end', handoffId: 'h1' })).toBe(true);
    expect(isListenMessage({ t: 'signal', data })).toBe(false);
  });
});
