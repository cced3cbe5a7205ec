// The journey machine from "talk to a person" to the wipe: handoff, wrap-up and rating, idle warning and
// timeout, the agent going away and coming back; time passed in.
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n/index.ts';
import type { CueSummaryRecord } from '../../emotion/cue-summary.ts';
import { Journey } from './journey-test-driver.ts';

const SUMMARY: CueSummaryRecord = { faceMs: 4000, cues: {}, dominant: 'angry', negativeSustained: true };

/** The effects that wipe a visit, in the order the shell carries them out. */
const WIPE = ['stopHandoff', 'endSession', 'stopVoice', 'stopSpeaking', 'clearPage', 'camera', 'show'];

describe('journey: a person', () => {
  it('without handoff at the agent, the page says so plainly', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'requestHandoff' });
    expect(j.of('startHandoff')).toEqual([]);
    expect(j.of('handoffStatus')[0]?.text).toBe(t('en', 'handoff.unavailable'));
    expect(j.of('queue')[0]?.queue?.detail).toBe(t('en', 'handoff.queueUnavailable'));
    expect(j.state.visit.handoffAsked).toBe(true);
  });

  it('with handoff: the request starts it, the idle clock rests, cues go to the agent, the end resumes', () => {
    const j = new Journey();
    j.startVisit('en', true);
    j.feed({ type: 'cue', label: 'happy', confidence: 0.5 });
    expect(j.effects.filter((e) => e.type !== 'wakeAt')).toEqual([]);
    j.feed({ type: 'requestHandoff' });
    expect(j.of('startHandoff')[0]).toEqual({
      type: 'startHandoff',
      sessionId: 's-1',
      locale: 'en',
      reason: 'customer_request',
      negativeCue: false,
    });
    expect(j.spoken()).toEqual([t('en', 'handoff.waiting')]);
    expect(j.state.idle).toBeNull();
    j.feed({ type: 'activity', touch: true });
    expect(j.state.idle).toBeNull();
    expect(j.of('stopSpeaking')).toHaveLength(1);
    j.feed({ type: 'requestHandoff' });
    expect(j.of('startHandoff')).toEqual([]);
    j.feed({ type: 'cue', label: 'sad', confidence: 1.234 });
    expect(j.of('handoffCue')[0]).toEqual({
      type: 'handoffCue',
      cue: { at: new Date(j.now).toISOString(), label: 'sad', confidence: 1 },
      negativeCue: false,
    });
    j.feed({ type: 'handoffFinished' });
    expect(j.of('handoffStatus')[0]?.text).toBeNull();
    expect(j.of('queue')[0]?.queue).toBeNull();
    expect(j.state.idle?.deadline).toBe(j.now + 90_000);
  });

  it('a sustained negative cue tells routing, and the avatar offers a person once', () => {
    const j = new Journey();
    j.startVisit('en', true);
    j.feed({ type: 'offerPerson', summary: SUMMARY });
    expect(j.of('sendEmotion')[0]).toEqual({ type: 'sendEmotion', sessionId: 's-1', summary: SUMMARY });
    expect(j.spoken()).toEqual([t('en', 'camera.offerPerson.speech')]);
    expect(j.state.visit.negativeCue).toBe(true);
    j.feed({ type: 'requestHandoff' });
    expect(j.of('startHandoff')[0]?.negativeCue).toBe(true);
    j.feed({ type: 'offerPerson', summary: SUMMARY });
    expect(j.of('handoffCue')[0]).toEqual({ type: 'handoffCue', cue: null, negativeCue: true });
    expect(j.spoken()).toEqual([]);
  });
});

describe('journey: wrap-up and the wipe', () => {
  it('finishing without a rating wipes after 20 s and ends the session as abandoned when nothing was answered', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'readCard' });
    j.feed({ type: 'wrapUp' });
    expect(j.state.screen).toBe('wrapup');
    expect(j.effects.map((e) => e.type)).toEqual(
      expect.arrayContaining(['cancelCard', 'stopVoice', 'stopCamera']),
    );
    expect(j.spoken()).toEqual([t('en', 'wrapup.speech')]);
    const old = j.state.visit.id;
    const wipe = j.advance(20_000);
    expect(wipe.map((e) => e.type).filter((type) => WIPE.includes(type))).toEqual(WIPE);
    expect(j.of('endSession', wipe)[0]).toEqual({
      type: 'endSession',
      sessionId: 's-1',
      outcome: 'abandoned',
      cancelCard: true,
    });
    expect(j.state).toMatchObject({ screen: 'attract', wipes: 1, wrapupAt: null, idle: null });
    expect(j.state.visit).toMatchObject({ id: old + 1, locale: null, sessionId: null, questions: [] });
    expect(j.state.attractAt).toBe(j.state.wakeAt);
  });

  it('a rating ends the visit once the thank-you is said and the agent has answered, in either order', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'ask', text: 'q' });
    j.feed({ type: 'answered', visitId: j.state.visit.id, answer: { text: 'A.', confidence: 0.9 } });
    j.lineEnds();
    j.feed({ type: 'wrapUp' });
    const id = j.state.visit.id;
    const thanks = j.feed({ type: 'rate', value: 5 });
    expect(j.of('rate')[0]).toEqual({ type: 'rate', visitId: id, sessionId: 's-1', rating: 5 });
    expect(j.of('thanks')[0]?.text).toBe(t('en', 'wrapup.thanks'));
    expect(j.feed({ type: 'rate', value: 1 })).toEqual([]);
    j.lineEnds(thanks);
    expect(j.state.wipes).toBe(0);
    j.feed({ type: 'rateSent', visitId: id });
    expect(j.of('endSession')[0]?.outcome).toBe('answered');
    expect(j.state.wipes).toBe(1);
    // A late reply for the finished visit changes nothing.
    expect(j.feed({ type: 'rateSent', visitId: id })).toEqual([]);
  });

  it('offline, the rating is only thanked for; "finish" wipes at once', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'wrapUp' });
    j.feed({ type: 'connection', state: 'disconnected' });
    j.lineEnds(j.feed({ type: 'rate', value: 3 }));
    expect(j.of('endSession')[0]).toMatchObject({ sessionId: null });
    expect(j.state.wipes).toBe(1);
    const k = new Journey();
    k.startVisit();
    k.feed({ type: 'finish' });
    expect(k.state.wipes).toBe(1);
  });
});

describe('journey: idle and the agent', () => {
  it('warns before the idle timeout, counts down, withdraws on a touch, and wipes when ignored', () => {
    const j = new Journey({ idleMs: 30_000 });
    j.startVisit();
    expect(j.advance(9_999).filter((e) => e.type === 'idleWarning')).toEqual([]);
    const warn = j.advance(1);
    expect(j.of('idleWarning', warn)[0]?.text).toBe(t('en', 'idle.body', { seconds: 20 }));
    expect(j.spoken(warn)).toEqual([t('en', 'idle.speech')]);
    const more = j.advance(1000);
    expect(j.of('idleWarning', more)[0]?.text).toBe(t('en', 'idle.body', { seconds: 19 }));
    expect(j.spoken(more)).toEqual([]);
    j.feed({ type: 'activity', touch: false });
    expect(j.of('idleWarning')[0]?.text).toBeNull();
    const all = j.advance(30_000);
    expect(j.of('endSession', all)[0]?.outcome).toBe('timed_out');
    expect(j.state.screen).toBe('attract');
    // In the attract loop nothing counts as a visit's activity.
    j.feed({ type: 'activity', touch: true });
    expect(j.state.idle).toBeNull();
  });

  it('the agent away mid-visit: "one moment" once per outage; back with a session open: the visit starts over', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'connection', state: 'disconnected' });
    expect(j.spoken()).toEqual([t('en', 'connection.lost.speech')]);
    expect(j.of('controls')[0]?.controls).toEqual({ journey: false, card: false, ask: false });
    j.feed({ type: 'connection', state: 'connecting' });
    j.feed({ type: 'connection', state: 'disconnected' });
    expect(j.spoken()).toEqual([]);
    j.feed({ type: 'connection', state: 'connected' });
    expect(j.of('getStatus')).toHaveLength(1);
    expect(j.of('endSession')[0]).toMatchObject({ sessionId: 's-1', outcome: 'abandoned' });
    expect(j.state).toMatchObject({ screen: 'attract', outage: false, wipes: 1 });
  });

  it('while the service is unavailable every mood is apologetic', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'availability', availability: { available: false, safetyState: 'ESTOP' } });
    expect(j.of('controls')[0]?.controls).toEqual({ journey: false, card: false, ask: false });
    j.feed({ type: 'wrapUp' });
    expect(j.of('mood')[0]?.mood).toBe('apologetic');
    j.feed({ type: 'availability', availability: { available: true, safetyState: 'READY' } });
    j.feed({ type: 'rate', value: 4 });
    expect(j.of('mood')).toEqual([]);
    expect(j.spoken()).toEqual([t('en', 'wrapup.thanks')]);
  });

  it('a tick that comes early still asks for the next wake-up', () => {
    const j = new Journey();
    const at = j.state.wakeAt!;
    j.feed({ type: 'tick', speaking: false }, at - 1);
    expect(j.of('wakeAt')[0]?.at).toBe(at);
  });
});
