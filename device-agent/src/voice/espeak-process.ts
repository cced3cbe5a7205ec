// espeak-ng (Debian's GPL program) run as separate processes, never linked. A piece of a line is said by
// a process of its own that was started ahead and has already loaded its voice and dictionary while it
// waited on stdin: the piece is written, stdin closed, and the end of its stdout is the end of exactly
// that piece's samples. (A long-lived process reading a line at a time gives no such boundary: telling
// lines apart by a quiet moment in its output split pieces whenever the machine was busy or the process
// still cold, and handed the rest of one piece's audio to a later piece.) Phoneme mnemonics come from one
// long-lived process (-q -x), which writes exactly one text line back for each line in.
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

const LINE_TIMEOUT_MS = 5000;
/** Quiet this long (no piece asked for) before used processes are replaced. */
const REFILL_IDLE_MS = 100;

export const ESPEAK_BINARY = process.env.KIOSK_ESPEAK_BINARY ?? 'espeak-ng';

function flagsOf(args: EspeakArgs): string[] {
  return ['-v', args.voice, '-s', String(args.wpm), '-a', String(args.amplitude), '-z'];
}

/** One piece's audio as espeak-ng wrote it: its sample rate and raw 16-bit PCM bytes. */
export interface PieceAudio {
  sampleRate: number;
  pcm: Uint8Array;
}

/** A started espeak-ng process waiting for the one piece it will say; `done` has its whole output. */
interface Ready {
  child: ChildProcessWithoutNullStreams;
  done: Promise<PieceAudio>;
}

function startOne(args: EspeakArgs): Ready {
  const child = spawn(ESPEAK_BINARY, [...flagsOf(args), '--stdout', '--stdin'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const parts: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => parts.push(b));
  child.stderr.resume();
  // An unused process closed at shutdown, or a stdin closed early, must not throw.
  child.stdin.on('error', () => undefined);
  const done = new Promise<PieceAudio>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) return reject(new Error(`espeak-ng exited (${code ?? signal})`));
      const out = Buffer.concat(parts);
      if (out.length < WAV_HEADER_BYTES) return reject(new Error('espeak-ng wrote no audio'));
      const pcm = out.subarray(WAV_HEADER_BYTES);
      resolve({
        sampleRate: wavSampleRate(out.subarray(0, WAV_HEADER_BYTES)),
        pcm: pcm.subarray(0, pcm.length & ~1),
      });
    });
  });
  done.catch(() => undefined);
  return { child, done };
}

/** Pre-started espeak-ng processes for one voice setting; each says one piece and exits. */
export class EspeakSpawner {
  private readonly idle: Ready[] = [];
  private closed = false;
  private refillTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly args: EspeakArgs,
    private readonly keepReady: number,
  ) {
    this.refill();
  }

  /** The samples of one piece (a syllable or a word). */
  async say(input: string): Promise<PieceAudio> {
    if (this.closed) throw new Error('espeak-ng closed');
    const ready = this.idle.shift() ?? startOne(this.args);
    this.refillWhenIdle();
    ready.child.stdin.end(`${input.replace(/[\r\n]+/g, ' ')}\n`);
    const timer = setTimeout(() => ready.child.kill(), LINE_TIMEOUT_MS);
    try {
      return await ready.done;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.closed = true;
    if (this.refillTimer) clearTimeout(this.refillTimer);
    for (const r of this.idle.splice(0)) r.child.kill();
  }

  /**
   * Starts the replacements once the voice has said nothing for a moment (between lines): a spawn holds
   * the event loop for milliseconds, and during a line that would hold up the pieces being streamed.
   */
  private refillWhenIdle(): void {
    if (this.refillTimer) clearTimeout(this.refillTimer);
    this.refillTimer = setTimeout(() => {
      this.refillTimer = null;
      this.refill();
    }, REFILL_IDLE_MS);
    this.refillTimer.unref();
  }

  private refill(): void {
    while (!this.closed && this.idle.length < this.keepReady) this.idle.push(startOne(this.args));
  }
}

/** A long-lived espeak-ng that writes the phoneme mnemonics (-q -x) of each line it reads, one line back. */
export class PhonemeProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private text = '';
  private waiter: (() => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private dead: Error | null = null;

  constructor(args: EspeakArgs) {
    this.child = spawn(ESPEAK_BINARY, [...flagsOf(args), '-q', '-x'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.on('error', (err) => this.fail(err));
    this.child.on('exit', (code, signal) => this.fail(new Error(`espeak-ng exited (${code ?? signal})`)));
    this.child.stdin.on('error', (err) => this.fail(err));
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.text += chunk.toString('utf8');
      this.waiter?.();
    });
    this.child.stderr.resume();
  }

  phonemesOf(input: string): Promise<string> {
    const run = this.queue.then(() => this.lineOf(input.replace(/[\r\n]+/g, ' ')));
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.dead ??= new Error('espeak-ng closed');
    this.child.kill();
  }

  private fail(err: Error): void {
    this.dead ??= err;
    this.waiter?.();
  }

  private async lineOf(line: string): Promise<string> {
    if (this.dead) throw this.dead;
    this.child.stdin.write(`${line}\n`);
    const deadline = Date.now() + LINE_TIMEOUT_MS;
    while (!this.text.includes('\n')) {
      if (this.dead) throw this.dead;
      if (Date.now() > deadline)
        throw new Error(`espeak-ng gave nothing for a line within ${LINE_TIMEOUT_MS} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, LINE_TIMEOUT_MS);
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.waiter = done;
      });
      this.waiter = null;
    }
    const at = this.text.indexOf('\n');
    const out = this.text.slice(0, at).trim();
    // One line in, one line back; anything more is not this piece's (nor the next one's, not yet written).
    this.text = '';
    return out;
  }
}
