// The page shell of the kiosk journey: it turns clicks, touches, the agent's events and replies, speech
// ends and timer wake-ups into inputs for the pure journey machine (journey/journey-machine.ts), and
// carries out the effects it returns (journey-effects.ts). The journey's rules live in the machine.
import type { Avatar, KioskOverlay } from '@branch/avatar';
import type { KioskClient } from '../protocol/kiosk-client.ts';
import { KioskHandoff } from '../handoff/kiosk-handoff.ts';
import type { CueSummaryRecord } from '../emotion/cue-summary.ts';
import type { StableCue } from '../emotion/cue-tracker.ts';
import type { KioskEmotion } from '../emotion/kiosk-emotion.ts';
import type { KioskView, Screen } from './kiosk-view.ts';
import { cameraIndicator } from './journey-progress.ts';
import { SERVICES } from './services.ts';
import { snapshotVisit, type Visit } from './visit.ts';
import { VoiceInput } from './voice-input.ts';
import { runEffect, type JourneyShell } from './journey-effects.ts';
import { DEFAULT_IDLE_MS, IDLE_WARNING_MS } from './journey/idle-clock.ts';
import { startJourney, step } from './journey/journey-machine.ts';
import type { JourneyEffect, JourneyInput, JourneyState } from './journey/journey-types.ts';

export interface KioskAppOptions {
  idleMs?: number;
  voiceInput?: VoiceInput;
  /** Emotion cues from the camera (after consent); without it the camera indicator just says "off". */
  emotion?: KioskEmotion;
}

/** Milliseconds on a clock that only moves forward (the machine's idle and attract deadlines use it). */
const now = (): number => performance.timeOrigin + performance.now();

export class KioskApp {
  private state: JourneyState;
  /** Inputs that arrive while effects run (a stopped handoff reports at once) wait their turn. */
  private readonly queue: JourneyInput[] = [];
  private stepping = false;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly shell: JourneyShell;

  constructor(
    view: KioskView,
    client: KioskClient,
    avatar: Avatar,
    overlay: KioskOverlay,
    options: KioskAppOptions = {},
  ) {
    const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
    const emotion = options.emotion ?? null;
    this.shell = {
      view,
      client,
      avatar,
      overlay,
      voiceInput: options.voiceInput ?? new VoiceInput(),
      emotion,
      handoff: new KioskHandoff(
        client,
        () => this.feed({ type: 'handoffFinished' }),
        // The call's camera is on: the indicator says so (through the cues, which own it, when fitted).
        (live) =>
          emotion
            ? emotion.callCamera(live)
            : overlay.setCamera(cameraIndicator(live, live ? 'call' : 'off')),
      ),
      feed: (input) => this.feed(input),
      wakeAt: (at) => this.wakeAt(at),
    };
    const feed = (input: JourneyInput) => () => this.feed(input);
    view.start.addEventListener('click', feed({ type: 'begin' }));
    view.langZh.addEventListener('click', feed({ type: 'chooseLanguage', locale: 'zh-CN' }));
    view.langEn.addEventListener('click', feed({ type: 'chooseLanguage', locale: 'en' }));
    for (const id of SERVICES)
      view.serviceButtons.get(id)!.addEventListener('click', feed({ type: 'askService', id }));
    view.cardRead.addEventListener('click', feed({ type: 'readCard' }));
    view.askForm.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.feed({ type: 'ask', text: view.question.value });
    });
    view.voice.addEventListener('click', feed({ type: 'listen' }));
    view.handoff.addEventListener('click', feed({ type: 'requestHandoff' }));
    view.end.addEventListener('click', feed({ type: 'wrapUp' }));
    view.ratingButtons.forEach((b, i) => b.addEventListener('click', feed({ type: 'rate', value: i + 1 })));
    view.wrapupDone.addEventListener('click', feed({ type: 'finish' }));
    view.idleContinue.addEventListener('click', feed({ type: 'activity', touch: false }));
    for (const type of ['pointerdown', 'keydown', 'input']) {
      const input: JourneyInput = { type: 'activity', touch: type === 'pointerdown' };
      view.avatar.ownerDocument.addEventListener(type, feed(input), { capture: true });
    }
    client.on('Common.StatusChanged', (availability) => this.feed({ type: 'availability', availability }));
    client.on('Session.PresenceChanged', (p) => this.feed({ type: 'presence', present: p.present }));
    client.onState((state) => this.feed({ type: 'connection', state }));
    const config = { idleMs, warnMs: Math.min(IDLE_WARNING_MS, idleMs - 1000), camera: emotion !== null };
    const first = startJourney(config, client.state, now());
    this.state = first.state;
    this.run(first.effects);
  }

  /** The current visit and page state, for the test hook (the wipe test looks for leftovers here). */
  snapshot(): { screen: Screen; wipes: number; visit: Visit } {
    return { screen: this.state.screen, wipes: this.state.wipes, visit: snapshotVisit(this.state.visit) };
  }

  /** A new stable cue: during a call the agent sees it on the cue timeline. */
  cueChanged(cue: StableCue): void {
    this.feed({ type: 'cue', label: cue.cue, confidence: cue.confidence });
  }

  /** A negative cue held long enough: routing learns it, and the avatar offers a person. */
  offerPerson(summary: CueSummaryRecord): void {
    this.feed({ type: 'offerPerson', summary });
  }

  /** The customer's camera or recording answer in this visit, for the hub's audit log (via the agent). */
  recordConsent(kind: 'camera' | 'recording', given: boolean): void {
    const { sessionId } = this.state.visit;
    const { client } = this.shell;
    if (sessionId && client.state === 'connected')
      void client.send('Session.Consent', { sessionId, kind, given }).catch(() => undefined);
  }

  private feed(input: JourneyInput): void {
    this.queue.push(input);
    if (this.stepping) return;
    this.stepping = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) {
        const result = step(this.state, next, now());
        this.state = result.state;
        this.run(result.effects);
      }
    } finally {
      this.stepping = false;
    }
  }

  private run(effects: JourneyEffect[]): void {
    for (const e of effects) runEffect(e, this.shell);
  }

  private wakeAt(at: number | null): void {
    if (this.wakeTimer !== null) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    if (at === null) return;
    this.wakeTimer = setTimeout(
      () => {
        this.wakeTimer = null;
        this.feed({ type: 'tick', speaking: this.shell.avatar.speaking });
      },
      Math.max(0, at - now()),
    );
  }
}
