// One long-lived espeak-ng process (Debian's GPL program, run as a separate process, never linked). It
// reads a line at a time and flushes each line's samples to stdout, so a line's audio is what arrives
// after it is written until the output goes quiet. Keeping it running saves loading the dictionary
// (about 40 ms) on every piece. With `phonemes: true` it is a second process that only writes each line's
// phoneme mnemonics (-q -x), one line back for one line in.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { WAV_HEADER_BYTES, wavSampleRate } from './wav.ts';

export interface EspeakArgs {
  /** espeak-ng voice: cmn-latn-pinyin (toned pinyin in), en-us ... */
  voice: string;
  /** Words a minute (espeak-ng -s). */
  wpm: number;
  /** 0..200 (espeak-ng -a). */
  amplitude: number;
}

/** Output quiet this long after a line's last bytes means the line is done (espeak flushes per line). */
export const QUIET_MS = 12;
const LINE_TIMEOUT_MS = 5000;

export const ESPEAK_BINARY = process.env.KIOSK_ESPEAK_BINARY ?? 'espeak-ng';

export class EspeakProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private header = new Uint8Array(0);
  private rate = 0;
  private pending: Uint8Array[] = [];
  private waiter: (() => void) | null = null;
  private text = '';
  private queue: Promise<unknown> = Promise.resolve();
  private dead: Error | null = null;
  /** A byte of a sample split across two lines' output (a line cut short by a late flush). */
  private carry: Uint8Array = new Uint8Array(0);

  constructor(
    args: EspeakArgs,
    private readonly phonemes = false,
  ) {
    const flags = ['-v', args.voice, '-s', String(args.wpm), '-a', String(args.amplitude), '-z'];
    this.child = spawn(ESPEAK_BINARY, phonemes ? [...flags, '-q', '-x'] : [...flags, '--stdout'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.on('error', (err) => this.fail(err));
    this.child.on('exit', (code, signal) => this.fail(new Error(`espeak-ng exited (${code ?? signal})`)));
    this.child.stdin.on('error', (err) => this.fail(err));
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.resume();
  }

  get sampleRate(): number {
    return this.rate;
  }

  /** The samples (raw 16-bit PCM bytes) of one line, or its phoneme mnemonics for a phoneme process. */
  say(input: string): Promise<Uint8Array> {
    const run = this.queue.then(() => this.sayNow(input.replace(/[\r\n]+/g, ' ')));
    this.queue = run.catch(() => undefined);
    return run;
  }

  phonemesOf(input: string): Promise<string> {
    return this.say(input).then((b) => new TextDecoder().decode(b).trim());
  }

  close(): void {
    this.dead ??= new Error('espeak-ng closed');
    this.child.kill();
  }

  private fail(err: Error): void {
    this.dead ??= err;
    this.waiter?.();
  }

  private onData(chunk: Buffer): void {
    let bytes: Uint8Array = chunk;
    if (!this.phonemes && this.rate === 0) {
      const joined = new Uint8Array(this.header.length + bytes.length);
      joined.set(this.header);
      joined.set(bytes, this.header.length);
      if (joined.length < WAV_HEADER_BYTES) {
        this.header = joined;
        return;
      }
      this.rate = wavSampleRate(joined.subarray(0, WAV_HEADER_BYTES));
      bytes = joined.subarray(WAV_HEADER_BYTES);
    }
    if (this.phonemes) this.text += new TextDecoder().decode(bytes);
    else this.pending.push(bytes);
    this.waiter?.();
  }

  private async sayNow(line: string): Promise<Uint8Array> {
    if (this.dead) throw this.dead;
    // Bytes that came after the last line went quiet belong to it; they stay in the stream here rather
    // than being lost, so the line's audio is whole even when a boundary is late.
    this.text = '';
    this.child.stdin.write(`${line}\n`);
    const deadline = Date.now() + LINE_TIMEOUT_MS;
    // Wait for the first bytes, then for quiet (audio) or the end of the line (phonemes).
    for (;;) {
      if (this.dead) throw this.dead;
      if (this.phonemes && this.text.includes('\n')) {
        const out = this.text.slice(0, this.text.indexOf('\n'));
        return new TextEncoder().encode(out);
      }
      const before = this.pending.length;
      const gotAny = before > 0;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, gotAny ? QUIET_MS : LINE_TIMEOUT_MS);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiter = done;
      });
      this.waiter = null;
      if (!this.phonemes && gotAny && this.pending.length === before) break;
      if (Date.now() > deadline)
        throw new Error(`espeak-ng gave nothing for a line within ${LINE_TIMEOUT_MS} ms`);
    }
    const parts = [this.carry, ...this.pending];
    const total = parts.reduce((n, b) => n + b.length, 0);
    const whole = total & ~1;
    const joined = new Uint8Array(total);
    let at = 0;
    for (const b of parts) {
      joined.set(b, at);
      at += b.length;
    }
    this.pending = [];
    this.carry = joined.slice(whole);
    return joined.subarray(0, whole);
  }
}
