// Hold-to-run jog buttons: pointerdown starts a jog and a heartbeat every 50 ms; pointerup, leave and
// cancel (and losing the socket or the page) stop it. The agent stops the arm by itself when the
// heartbeat is late, so a frozen page cannot keep the arm moving.
import { techT } from './tech-strings.ts';
import type { JogAxis, TechServerMessage } from '@branch/device-agent';
import type { TechSocket } from './tech-socket.ts';

export const HEARTBEAT_MS = 50;

const BUTTONS: { axis: JogAxis; direction: 1 | -1; label: string }[] = [
  { axis: 'x', direction: 1, label: 'X+' },
  { axis: 'x', direction: -1, label: 'X−' },
  { axis: 'y', direction: 1, label: 'Y+' },
  { axis: 'y', direction: -1, label: 'Y−' },
  { axis: 'z', direction: 1, label: 'Z+' },
  { axis: 'z', direction: -1, label: 'Z−' },
];

export class JogPad {
  private jogId: string | null = null;
  private held: HTMLButtonElement | null = null;
  private beat: number | null = null;

  constructor(
    root: HTMLElement,
    private readonly socket: TechSocket,
    private readonly onState: (text: string) => void,
  ) {
    for (const b of BUTTONS) {
      const btn = document.createElement('button');
      btn.type = 'button';
      btn.textContent = b.label;
      btn.className = 'jog';
      btn.dataset.testid = `tech-jog-${b.axis}${b.direction > 0 ? 'plus' : 'minus'}`;
      btn.addEventListener('pointerdown', (e) => {
        btn.setPointerCapture(e.pointerId);
        this.press(btn, b.axis, b.direction);
      });
      for (const ev of ['pointerup', 'pointerleave', 'pointercancel', 'lostpointercapture'] as const)
        btn.addEventListener(ev, () => this.release(btn));
      btn.addEventListener('contextmenu', (e) => e.preventDefault());
      root.append(btn);
    }
    window.addEventListener('blur', () => this.release(this.held));
    document.addEventListener('visibilitychange', () => this.release(this.held));
    socket.on((m) => this.onMessage(m));
  }

  private press(btn: HTMLButtonElement, axis: JogAxis, direction: 1 | -1): void {
    if (this.held) return;
    this.held = btn;
    btn.classList.add('held');
    if (!this.socket.send({ type: 'jog.start', axis, direction, speedMmS: 250 })) {
      this.onState(techT('jog.notConnected'));
      this.release(btn);
      return;
    }
    // Beats start at once; the first ones may precede the agent's answer and are sent after it.
    this.beat = window.setInterval(() => {
      if (this.jogId) this.socket.send({ type: 'jog.heartbeat', jogId: this.jogId });
    }, HEARTBEAT_MS);
  }

  private release(btn: HTMLButtonElement | null): void {
    if (!btn || this.held !== btn) return;
    this.held = null;
    btn.classList.remove('held');
    if (this.beat !== null) window.clearInterval(this.beat);
    this.beat = null;
    if (this.jogId) this.socket.send({ type: 'jog.stop', jogId: this.jogId });
    this.jogId = null;
  }

  private onMessage(m: TechServerMessage): void {
    if (m.type === 'jog.start.result') {
      if (m.ok && this.held) {
        this.jogId = m.jogId;
        this.onState(techT('jog.moving', { speed: m.speedMmS }));
      } else if (m.ok) {
        // Released before the answer came: stop it now.
        this.socket.send({ type: 'jog.stop', jogId: m.jogId });
      } else {
        this.onState(techT('jog.refused', { reason: m.reason }));
        this.release(this.held);
      }
    } else if (m.type === 'jog' && m.event === 'stopped') {
      if (m.jogId === this.jogId) this.jogId = null;
      this.onState(techT('jog.stopped', { reason: m.reason ?? '' }));
    } else if (m.type === 'jog.ended' && m.jogId === this.jogId) {
      this.jogId = null;
    }
  }
}
