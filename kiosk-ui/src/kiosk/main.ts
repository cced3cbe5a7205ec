// Kiosk page entry: connect to the device-agent on the same host, put the avatar and its overlay on stage,
// run the journey.
import { createAvatar, createOverlay } from '@branch/avatar';
import { KioskClient } from '../protocol/kiosk-client.ts';
import { KioskApp } from './kiosk-app.ts';
import { KioskView } from './kiosk-view.ts';

const view = new KioskView();
const avatar = createAvatar(view.avatar, { locale: 'zh-CN' });
const overlay = createOverlay(view.overlayHost);
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const client = new KioskClient({ url: `${scheme}://${location.host}/ws` });
// ?idleMs= shortens the idle timeout for tests and demonstrations (never below 5 s).
const idleParam = Number(new URLSearchParams(location.search).get('idleMs'));
const app = new KioskApp(view, client, avatar, overlay, {
  ...(idleParam >= 5000 ? { idleMs: idleParam } : {}),
});
client.connect();

// The eyes follow a touch, as a person at a counter would, until a camera gives the customer's face.
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
  __branchKiosk: { avatar, overlay: () => overlay.state(), state: () => app.snapshot() },
});
