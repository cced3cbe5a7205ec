import { describe, expect, it } from 'vitest';
import type { FrameScores } from './cue-model.ts';
import { CueSummary } from './cue-summary.ts';
import { CueTracker, TRACKER } from './cue-tracker.ts';

/** A synthetic frame whose strongest expression is `cue` at `score`. */
function frame(cue: 'happy' | 'angry' | 'tense' | 'none', score = 0.9): FrameScores {
  const cues: FrameScores['cues'] = { happy: 0, neutral: 1, surprised: 0, confused: 0, tense: 0, angry: 0 };
  if (cue !== 'none') {
    cues[cue] = score;
    cues.neutral = 1 - score;
  }
  return { cues, valence: 0, arousal: 0, attention: 1, distanceCm: 50, gaze: { x: 0, y: 0 } };
}

/** Feeds `frames` at 30 fps from `start`; returns the cue after each. */
function feed(
  t: CueTracker,
  f: FrameScores | null,
  ms: number,
  start: number,
): { cues: string[]; end: number } {
  const cues: string[] = [];
  let at = start;
  for (; at < start + ms; at += 33) cues.push(t.update(f, at).cue);
  return { cues, end: at };
}

describe('CueTracker (EMA and hysteresis)', () => {
  it('does not flip on a single odd frame', () => {
    const t = new CueTracker();
    let { end } = feed(t, frame('none'), 1000, 0);
    t.update(frame('angry', 1), end);
    end += 33;
    ({ end } = feed(t, frame('none'), 500, end));
    expect(t.update(frame('none'), end).cue).toBe('neutral');
  });

  it('enters a held expression within about a second and reports its confidence', () => {
    const t = new CueTracker();
    const { cues } = feed(t, frame('happy'), 1000, 0);
    const first = cues.indexOf('happy');
    // The first frame sets the average; neutral -> happy needs the average above ENTER.
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first * 33).toBeLessThan(1000);
    expect(t.update(frame('happy'), 1100).confidence).toBeGreaterThan(0.8);
  });

  it('keeps a cue while its score sits between EXIT and ENTER (hysteresis)', () => {
    const t = new CueTracker();
    let { end } = feed(t, frame('happy', 0.9), 1000, 0);
    const between = (TRACKER.enter + TRACKER.exit) / 2;
    ({ end } = feed(t, frame('happy', between), 2000, end));
    expect(t.update(frame('happy', between), end).cue).toBe('happy');
    // The same score never enters from neutral.
    const fresh = new CueTracker();
    feed(fresh, frame('none'), 500, 0);
    const { cues } = feed(fresh, frame('happy', between), 2000, 500);
    expect(cues).not.toContain('happy');
  });

  it('switches to another expression only when it leads by the margin', () => {
    const t = new CueTracker();
    let { end } = feed(t, frame('happy', 0.7), 1000, 0);
    const both = frame('happy', 0.7);
    both.cues.angry = 0.75;
    ({ end } = feed(t, both, 2000, end));
    expect(t.update(both, end).cue).toBe('happy');
    both.cues.angry = 0.95;
    ({ end } = feed(t, both, 2000, end));
    expect(t.update(both, end).cue).toBe('angry');
  });

  it('forgets the face after it has been gone a while', () => {
    const t = new CueTracker();
    const { end } = feed(t, frame('angry'), 1000, 0);
    expect(t.update(null, end + 100)).toMatchObject({ cue: 'angry', facePresent: false });
    expect(t.update(null, end + TRACKER.forgetMs + 100)).toMatchObject({ cue: 'neutral', confidence: 0 });
  });

  it('refuses time going backwards', () => {
    const t = new CueTracker();
    t.update(frame('none'), 100);
    expect(() => t.update(frame('none'), 50)).toThrow(/time went back/);
  });
});

describe('CueSummary', () => {
  function run(
    steps: [cue: 'happy' | 'angry' | 'tense' | 'none' | null, ms: number][],
    summary = new CueSummary(),
  ): { summary: CueSummary; fired: number[] } {
    const t = new CueTracker();
    const fired: number[] = [];
    let at = 0;
    for (const [cue, ms] of steps) {
      for (const end = at + ms; at < end; at += 33) {
        if (summary.add(t.update(cue === null ? null : frame(cue), at), at)) fired.push(at);
      }
    }
    return { summary, fired };
  }

  it('counts entries and durations per cue, and the time with a face', () => {
    const { summary } = run([
      ['none', 2000],
      ['happy', 3000],
      [null, 2000],
      ['happy', 1000],
    ]);
    const r = summary.record();
    expect(r.cues.happy!.count).toBe(2);
    expect(r.cues.happy!.ms).toBeGreaterThan(3000);
    expect(r.cues.neutral!.ms).toBeGreaterThan(1500);
    expect(r.faceMs).toBeGreaterThan(5500);
    expect(r.faceMs).toBeLessThan(6500);
    expect(r.dominant).toBe('happy');
    expect(r.negativeSustained).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/landmark|blendshape/i);
  });

  it('fires once when a negative cue is held for the configured time', () => {
    const { summary, fired } = run([
      ['angry', 5000],
      ['none', 2000],
      ['angry', 10_000],
      ['angry', 10_000],
    ]);
    expect(fired).toHaveLength(1);
    // 5 s of anger, then a break: the clock starts again at the second spell (from 7 s) plus the EMA lag.
    expect(fired[0]).toBeGreaterThan(7000 + 8000);
    expect(fired[0]).toBeLessThan(7000 + 8000 + 1500);
    expect(summary.record().negativeSustained).toBe(true);
  });

  it('keeps a spell through a glance away shorter than the tracker forgets', () => {
    const { summary, fired } = run([
      ['angry', 4000],
      [null, 500],
      ['angry', 4500],
    ]);
    expect(fired).toHaveLength(1);
    const r = summary.record();
    expect(r.cues.angry!.count).toBe(1);
    // The glance away is not time with a face.
    expect(r.faceMs).toBeLessThan(8600);
  });

  it('takes its negative cues and duration from options, and refuses bad ones', () => {
    const { fired } = run([['tense', 4000]], new CueSummary({ cues: ['tense'], ms: 3000 }));
    expect(fired).toHaveLength(1);
    expect(() => new CueSummary({ cues: ['angry'], ms: 0 })).toThrow(/positive duration/);
    expect(() => new CueSummary({ cues: ['furious' as 'angry'], ms: 8000 })).toThrow(/unknown cue/);
  });
});
