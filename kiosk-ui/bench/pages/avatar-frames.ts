// Benchmark page: the kiosk's avatar drawn as fast as the browser allows for a fixed time, either animated
// (speaking in a loop, moods changing, blinking, gaze) or as a static baseline (the same mesh redrawn with
// no animation). ?mode=animated|static&seconds=10. Results land in window.__bench.
import { createAvatar, type Mood } from '@branch/avatar';

const params = new URLSearchParams(location.search);
const mode = params.get('mode') === 'static' ? 'static' : 'animated';
const seconds = Number(params.get('seconds') ?? 10);
const avatar = createAvatar(document.getElementById('stage')!, {
  animate: false,
  voice: 'off',
  renderer: 'webgl',
});

const LINES: [string, 'zh-CN' | 'en'][] = [
  ['您好，欢迎光临！我是网点智能助手。请问有什么可以帮您？', 'zh-CN'],
  ['Hello and welcome! Please swipe your card, and tell me how I can help you today.', 'en'],
];
const MOODS: Mood[] = ['happy', 'attentive', 'concerned', 'apologetic', 'neutral'];

async function talk(): Promise<void> {
  for (let i = 0; ; i++) {
    avatar.setMood(MOODS[i % MOODS.length]!);
    avatar.lookAt(Math.sin(i) * 0.5, Math.cos(i) * 0.3);
    const [text, locale] = LINES[i % LINES.length]!;
    await avatar.speak(text, locale);
  }
}

const anim: number[] = [];
const frame: number[] = [];
let frames = 0;
const result = new Promise<object>((resolve) => {
  // Warm up for a second (shader compile, first uploads), then measure.
  avatar.renderFrame();
  setTimeout(() => {
    if (mode === 'animated') void talk();
    const start = performance.now();
    const tick = (): void => {
      const now = performance.now();
      if (now - start >= seconds * 1000) {
        resolve({ mode, renderer: avatar.renderer, frames, seconds: (now - start) / 1000, anim, frame });
        return;
      }
      if (mode === 'animated') {
        const t = avatar.renderFrame(now);
        anim.push(t.animMs);
        frame.push(t.animMs + t.drawMs);
      } else {
        const t0 = performance.now();
        avatar.redraw();
        frame.push(performance.now() - t0);
      }
      frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, 1000);
});

Object.assign(globalThis, { __bench: result });
