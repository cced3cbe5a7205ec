// The journey machine, from the attract loop to a question answered and a card read; time passed in.
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n/index.ts';
import { answer, ESTOP, Journey, READY } from './journey-test-driver.ts';

describe('journey: attract loop and greeting', () => {
  it('starts on the attract screen, camera off, controls off until the agent is connected', () => {
    const j = new Journey();
    expect(j.state.screen).toBe('attract');
    expect(j.of('show')[0]?.screen).toBe('attract');
    expect(j.of('camera')[0]?.indicator.state).toBe('off');
    expect(j.of('controls')[0]?.controls).toEqual({ journey: false, card: false, ask: false });
    expect(j.of('wakeAt')[0]?.at).toBe(j.now + 15_000);
    j.feed({ type: 'connection', state: 'connected' });
    expect(j.of('getStatus')).toHaveLength(1);
    expect(j.of('controls')[0]?.controls.journey).toBe(true);
  });

  it('invites passers-by every 15 s, Chinese then English, but not over speech or while unavailable', () => {
    const j = new Journey();
    j.connect();
    expect(j.spoken(j.advance(15_000))).toEqual([t('zh-CN', 'attract.invite')]);
    expect(j.of('mood', j.effects)[0]?.mood).toBe('happy');
    expect(j.spoken(j.advance(15_000))).toEqual([t('en', 'attract.invite')]);
    expect(j.spoken(j.advance(15_000, true))).toEqual([]);
    j.feed({ type: 'availability', availability: ESTOP });
    expect(j.of('unavailable')[0]?.unavailable).toBe(true);
    expect(j.of('controls')[0]?.controls.journey).toBe(false);
    expect(j.spoken(j.advance(15_000))).toEqual([]);
    j.feed({ type: 'availability', availability: READY });
    expect(j.spoken(j.advance(15_000))).toEqual([t('zh-CN', 'attract.invite')]);
  });

  it('greets who walks up in both languages, once per arrival, and stops when they touch to begin', () => {
    const j = new Journey();
    j.connect();
    j.feed({ type: 'presence', present: true });
    expect(j.of('customerPresent')[0]?.present).toBe(true);
    expect(j.spoken()).toEqual([t('zh-CN', 'attract.greet')]);
    j.lineEnds();
    expect(j.spoken()).toEqual([t('en', 'attract.greet')]);
    j.lineEnds();
    expect(j.effects.filter((e) => e.type !== 'wakeAt')).toEqual([]);
    j.feed({ type: 'status', handoffSupported: false, availability: READY, customerPresent: true });
    expect(j.spoken()).toEqual([]);
    j.feed({ type: 'presence', present: false });
    expect(j.of('customerPresent')[0]?.present).toBe(false);

    const k = new Journey();
    k.connect();
    const greeting = k.feed({ type: 'presence', present: true });
    k.feed({ type: 'begin' });
    expect(k.lineEnds(greeting).filter((e) => e.type === 'speak')).toEqual([]);
  });

  it('begin: the language screen, the idle clock, the greeting in Chinese then English', () => {
    const j = new Journey();
    j.connect();
    j.feed({ type: 'begin' });
    expect(j.state.screen).toBe('language');
    expect(j.state.attractAt).toBeNull();
    expect(j.state.idle?.deadline).toBe(j.now + 90_000);
    expect(j.spoken()).toEqual([t('zh-CN', 'greeting.speech')]);
    j.lineEnds();
    expect(j.spoken()).toEqual([t('en', 'greeting.speech')]);
    // A language picked while the Chinese greeting plays makes the English one moot.
    const k = new Journey();
    k.connect();
    const zh = k.feed({ type: 'begin' });
    k.feed({ type: 'chooseLanguage', locale: 'en' });
    k.feed({ type: 'sessionStarted', visitId: k.state.visit.id, locale: 'en', sessionId: 's' });
    expect(k.spoken(k.lineEnds(zh))).toEqual([]);
    // Nor while the picked language's session is still starting, nor over the apology for a failed start.
    const m = new Journey();
    m.connect();
    const greeting = m.feed({ type: 'begin' });
    m.feed({ type: 'chooseLanguage', locale: 'en' });
    expect(m.spoken(m.lineEnds(greeting))).toEqual([]);
    const n = new Journey();
    n.connect();
    const first = n.feed({ type: 'begin' });
    n.feed({ type: 'chooseLanguage', locale: 'en' });
    n.feed({ type: 'sessionStartFailed', visitId: n.state.visit.id, locale: 'en', deviceNotReady: true });
    expect(n.spoken(n.lineEnds(first))).toEqual([]);
  });
});

describe('journey: language and session', () => {
  it('a started session opens the main screen in the chosen language', () => {
    const j = new Journey({ camera: true });
    j.connect();
    j.feed({ type: 'begin' });
    expect(j.feed({ type: 'chooseLanguage', locale: 'en' })).toContainEqual({
      type: 'startSession',
      visitId: j.state.visit.id,
      locale: 'en',
    });
    j.feed({ type: 'sessionStarted', visitId: j.state.visit.id, locale: 'en', sessionId: 's-1' });
    expect(j.state.screen).toBe('main');
    expect(j.state.visit).toMatchObject({ locale: 'en', sessionId: 's-1' });
    expect(j.effects.map((e) => e.type)).toEqual(
      expect.arrayContaining(['applyLocale', 'voiceAvailable', 'checkVoice', 'offerCamera', 'repeatButton']),
    );
    expect(j.of('show')[0]?.progress?.step).toBe(1);
    expect(j.spoken()).toEqual([t('en', 'main.speech')]);
    expect(j.of('controls')[0]?.controls).toEqual({ journey: true, card: true, ask: true });
    j.feed({ type: 'voiceChecked', visitId: j.state.visit.id, ok: true });
    expect(j.of('voiceAvailable')[0]?.available).toBe(true);
  });

  it('without a camera the indicator just says off, in the chosen language', () => {
    const j = new Journey();
    j.startVisit('zh-CN');
    expect(j.of('offerCamera')).toEqual([]);
    expect(j.of('camera')[0]?.indicator).toEqual({ state: 'off', label: t('zh-CN', 'camera.off') });
  });

  it('a failed start apologises (unavailable service named as such); a stale reply changes nothing', () => {
    const j = new Journey();
    j.connect();
    j.feed({ type: 'begin' });
    const id = j.state.visit.id;
    j.feed({ type: 'sessionStartFailed', visitId: id, locale: 'en', deviceNotReady: true });
    expect(j.spoken()).toEqual([t('en', 'service.unavailable.title')]);
    j.feed({ type: 'sessionStartFailed', visitId: id, locale: 'en', deviceNotReady: false });
    expect(j.spoken()).toEqual([t('en', 'ask.error')]);
    expect(j.feed({ type: 'sessionStarted', visitId: id + 7, locale: 'en', sessionId: 'x' })).toEqual([]);
    expect(j.state.screen).toBe('language');
  });

  it('starts one session at a time: a second tap waits for the first start, a failed one may be retried', () => {
    const j = new Journey();
    j.connect();
    j.feed({ type: 'begin' });
    const id = j.state.visit.id;
    expect(
      j.feed({ type: 'chooseLanguage', locale: 'en' }).filter((e) => e.type === 'startSession'),
    ).toHaveLength(1);
    expect(j.feed({ type: 'chooseLanguage', locale: 'zh-CN' })).toEqual([]);
    j.feed({ type: 'sessionStartFailed', visitId: id, locale: 'en', deviceNotReady: false });
    expect(j.feed({ type: 'chooseLanguage', locale: 'zh-CN' })).toContainEqual({
      type: 'startSession',
      visitId: id,
      locale: 'zh-CN',
    });
    j.feed({ type: 'sessionStarted', visitId: id, locale: 'zh-CN', sessionId: 's-2' });
    expect(j.feed({ type: 'chooseLanguage', locale: 'en' })).toEqual([]);
    expect(j.state.visit).toMatchObject({ locale: 'zh-CN', sessionId: 's-2', starting: false });
  });
});

describe('journey: questions', () => {
  it('asks once at a time, says each line, and frees the controls after the last one', () => {
    const j = new Journey();
    j.startVisit();
    expect(j.feed({ type: 'ask', text: '   ' })).toEqual([]);
    j.feed({ type: 'ask', text: `  ${'x'.repeat(600)} ` });
    expect(j.of('ask')[0]?.text).toHaveLength(500);
    expect(j.of('caption')[0]?.text).toBe(t('en', 'ask.thinking'));
    expect(j.of('controls')[0]?.controls.ask).toBe(false);
    expect(j.feed({ type: 'ask', text: 'again' })).toEqual([]);
    const id = j.state.visit.id;
    j.feed({ type: 'answered', visitId: id, answer: answer({ title: 'Hours', productRiskLevel: 'R3' }) });
    expect(j.of('showAnswer')[0]?.answer.title).toBe('Hours');
    expect(j.of('showRisk')[0]?.risk).toEqual({ kind: 'ratingUnknown', level: 'R3' });
    expect(j.spoken()).toEqual(['We open at nine.']);
    expect(j.state.visit.asking).toBe(true);
    j.lineEnds();
    expect(j.spoken()).toEqual([t('en', 'risk.unknown')]);
    j.lineEnds();
    expect(j.state.visit.asking).toBe(false);
    expect(j.of('controls')[0]?.controls.ask).toBe(true);
    expect(j.state.visit).toMatchObject({ answered: true, answerTitles: ['Hours'], productRiskLevel: 'R3' });
  });

  it('service buttons and voice ask in the visit language; a failed ask apologises at once', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'askService', id: 'hours' });
    expect(j.of('ask')[0]?.text).toBe(t('en', 'service.hours.question'));
    j.feed({ type: 'askFailed', visitId: j.state.visit.id });
    expect(j.spoken()).toEqual([t('en', 'ask.error')]);
    expect(j.state.visit.asking).toBe(false);
    const id = j.state.visit.id;
    expect(j.feed({ type: 'listen' })).toContainEqual({ type: 'listen', visitId: id, locale: 'en' });
    j.feed({ type: 'voiceListening', visitId: id, locale: 'en', on: true });
    expect(j.of('listening')[0]?.on).toBe(true);
    j.feed({ type: 'voiceText', visitId: id, text: 'opening hours' });
    expect(j.of('question')[0]?.value).toBe('opening hours');
    expect(j.of('ask')[0]?.text).toBe('opening hours');
    j.feed({ type: 'voiceFailed', visitId: id, locale: 'en', available: false });
    expect(j.of('voiceAvailable')[0]?.available).toBe(false);
    expect(j.spoken()).toEqual([t('en', 'ask.voiceFailed')]);
  });

  it('a second unsure answer in a row asks the hub for a person, when the agent offers handoff', () => {
    const j = new Journey();
    j.startVisit('en', true);
    for (const n of [1, 2]) {
      j.feed({ type: 'ask', text: `q${n}` });
      j.feed({ type: 'answered', visitId: j.state.visit.id, answer: answer({ confidence: 0.2 }) });
      expect(j.of('mood')[0]?.mood).toBe('concerned');
      j.lineEnds();
    }
    expect(j.state.handoffActive).toBe(true);
    expect(j.state.unsure).toBe(0);
    expect(j.state.idle).toBeNull();
  });

  it('repeat says the last line again', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'repeat' });
    expect(j.spoken()).toEqual([t('en', 'main.speech')]);
  });
});

describe('journey: card', () => {
  it('reads once at a time, shows the masked number, and rechecks a wealth answer against the rating', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'ask', text: 'fund' });
    j.feed({ type: 'answered', visitId: j.state.visit.id, answer: answer({ productRiskLevel: 'R4' }) });
    j.lineEnds();
    j.lineEnds();
    j.feed({ type: 'readCard' });
    expect(j.of('readCard')[0]).toMatchObject({ sessionId: 's-1', timeoutMs: 30_000 });
    expect(j.of('cardStatus')[0]?.text).toBe(t('en', 'card.swipePrompt'));
    expect(j.of('controls')[0]?.controls.card).toBe(false);
    expect(j.feed({ type: 'readCard' })).toEqual([]);
    const card = { maskedPan: '411111******1111', luhnValid: true, riskRating: 'C2' };
    j.feed({ type: 'cardRead', visitId: j.state.visit.id, ...card });
    expect(j.of('showRisk')[0]?.risk).toEqual({ kind: 'unsuitable', level: 'R4', rating: 'C2' });
    expect(j.of('showCard')[0]?.maskedPan).toBe('411111******1111');
    expect(j.spoken()).toEqual([t('en', 'card.speech.ok')]);
    expect(j.state.visit).toMatchObject({ readingCard: false, maskedPan: card.maskedPan, riskRating: 'C2' });
  });

  it('a failed read names the reason; an invalid number is marked as an error', () => {
    const j = new Journey();
    j.startVisit();
    j.feed({ type: 'readCard' });
    j.feed({ type: 'cardFailed', visitId: j.state.visit.id, errorKey: 'card.error.timeOut' });
    expect(j.of('cardStatus')[0]).toEqual({
      type: 'cardStatus',
      text: t('en', 'card.error.timeOut'),
      error: true,
    });
    j.feed({ type: 'readCard' });
    j.feed({
      type: 'cardRead',
      visitId: j.state.visit.id,
      maskedPan: '4111',
      luhnValid: false,
      riskRating: null,
    });
    expect(j.of('cardStatus')[0]?.error).toBe(true);
    expect(j.spoken()).toEqual([t('en', 'card.speech.error')]);
  });
});
