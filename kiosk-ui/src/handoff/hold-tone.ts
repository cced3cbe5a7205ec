// What the customer hears on hold: the agent's microphone is paused, so instead of silence a soft
// two-note chime every 4 s (WebAudio, quiet, nothing downloaded), until the agent resumes or the call
// ends. The element it reports on says whether it plays (`data-hold-tone`).
const EVERY_MS = 4000;
const NOTES_HZ = [660, 880];

export class HoldTone {
  private ctx: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly report: HTMLElement) {}

  start(): void {
    if (this.timer !== null) return;
    try {
      this.ctx ??= new AudioContext();
    } catch {
      return; // No audio output: the notice on the screen says it all.
    }
    void this.ctx.resume();
    this.chime();
    this.timer = setInterval(() => this.chime(), EVERY_MS);
    this.report.dataset.holdTone = 'playing';
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
    this.report.dataset.holdTone = 'off';
  }

  private chime(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    NOTES_HZ.forEach((hz, i) => {
      const at = ctx.currentTime + i * 0.35;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.08, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.32);
    });
  }
}
