// Kiosk page entry: connect to the device-agent on the same host, put the avatar on stage, run the journey.
import { createAvatar } from '@branch/avatar';
import { KioskClient } from '../protocol/kiosk-client.ts';
import { KioskApp } from './kiosk-app.ts';
import { KioskView } from './kiosk-view.ts';

const view = new KioskView();
const avatar = createAvatar(view.avatar, { locale: 'zh-CN' });
const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
const client = new KioskClient({ url: `${scheme}://${location.host}/ws` });
new KioskApp(view, client, avatar);
client.connect();

// The eyes follow a touch or pointer, as a person at a counter would.
addEventListener('pointerdown', (ev) => {
  const r = view.avatar.getBoundingClientRect();
  avatar.lookAt(((ev.clientX - r.left) / r.width) * 2 - 1, -(((ev.clientY - r.top) / r.height) * 2 - 1));
  setTimeout(() => avatar.lookAt(0, 0), 1500);
});

// Diagnostics for tests and technicians: the avatar's renderer and morph weights, nothing about customers.
Object.assign(globalThis, { __branchKiosk: { avatar } });
