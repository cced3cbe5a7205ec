// Kiosk page entry: connect to the device-agent on the same host, put the avatar and its overlay on stage,
// run the journey.
import { createAvatar, createOverlay } from '@branch/avatar';
import { fetchBootToken } from '../protocol/boot-token.ts';
import { KioskClient } from '../protocol/kiosk-client.ts';
import { DEFAULT_SUSTAINED } from '../emotion/cue-summary.ts';
import { KioskEmotion } from '../emotion/kiosk-emotion.ts';
import { KioskApp } from './kiosk-app.ts';
import { KioskView } from './kiosk-view.ts';
import { engineVoice } from './engine-voice-source.ts';

const view = new KioskView();
// A long press or right click must not open the browser's menu (copy, inspect, save) on a public kiosk.
document.addEventListener('contextmenu', (e) => e.preventDefault());
// ?voice=browser uses the browser's speechSynthesis voice even where the agent has an engine (tests,
// comparisons); ?voiceMode=elderly starts in the slower, louder mode.
const params = new URLSearchParams(location.search);
const voice = engineVoice();
if (params.get('voiceMode') === 'elderly') voice.setMode('elderly');
const avatar = createAvatar(view.avatar, {
  locale: 'zh-CN',
  ...(params.get('voice') === 'browser' ? {} : { engine: voice.source }),
});
const overlay = createOverlay(view.overlayHost);
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const socketUrl = `${scheme}://${location.host}/ws`;
// Each connect asks the agent for this boot's secret (a restarted agent has a new one).
const client = new KioskClient({
  url: socketUrl,
  resolveUrl: async () => `${socketUrl}?boot=${encodeURIComponent(await fetchBootToken())}`,
});
// ?idleMs= shortens the idle timeout for tests and demonstrations (never below 5 s).
const idleParam = Number(params.get('idleMs'));
// ?negativeMs= shortens how long a negative cue must last before a person is offered (tests, demos).
const negativeParam = Number(params.get('negativeMs'));
// The emotion cues call back into the app (created just below) when a negative cue is sustained.
const emotion = new KioskEmotion(overlay, avatar, {
  onNegative: (summary) => app.offerPerson(summary),
  onCueChange: (cue) => app.cueChanged(cue),
  onConsent: (given) => app.recordConsent('camera', given),
  ...(negativeParam >= 1000 ? { sustained: { ...DEFAULT_SUSTAINED, ms: negativeParam } } : {}),
});
const app = new KioskApp(view, client, avatar, overlay, {
  ...(idleParam >= 5000 ? { idleMs: idleParam } : {}),
  emotion,
});
client.connect();

// The eyes follow a touch, as a person at a counter would (and the customer's face while the camera runs).
let gazeTimer: ReturnType<typeof setTimeout> | undefined;
addEventListener('pointerdown', (ev) => {
  const r = view.avatar.getBoundingClientRect();
  avatar.lookAt(((ev.clientX - r.left) / r.width) * 2 - 1, -(((ev.clientY - r.top) / r.height) * 2 - 1));
  clearTimeout(gazeTimer);
  gazeTimer = setTimeout(() => avatar.lookAt(0, 0), 1500);
});

// Diagnostics for tests and technicians: the avatar, the overlay's state and the visit state (which the
// wipe test checks is empty after a visit). Nothing here outlives a visit.
Object.assign(globalThis, {
  __branchKiosk: {
    avatar,
    voice,
    overlay: () => overlay.state(),
    state: () => app.snapshot(),
    emotion: () => emotion.snapshot(),
  },
});
