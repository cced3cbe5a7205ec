import { describe, expect, it } from 'vitest';
import { FaceAnimator } from './face-animator.ts';
import { planSpeech } from '../speech-plan.ts';

/** A seeded generator so blinks and saccades come at the same times in every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

describe('FaceAnimator', () => {
  it('moves the jaw while speaking and rests it afterwards', () => {
    const a = new FaceAnimator(0, seeded(1));
    const plan = planSpeech('Welcome to the branch, how can I help?', 'en');
    a.startSpeech(plan, 1000);
    const jaw: number[] = [];
    for (let t = 1000; t < 1000 + plan.durationMs; t += 20) jaw.push(a.sample(t).morphs.jawOpen);
    expect(Math.max(...jaw)).toBeGreaterThan(0.3);
    expect(new Set(jaw.map((j) => j.toFixed(2))).size).toBeGreaterThan(5);
    for (let t = 1000 + plan.durationMs + 20; t < 3000 + plan.durationMs; t += 50) a.sample(t);
    expect(a.sample(3000 + plan.durationMs).morphs.jawOpen).toBeLessThan(0.01);
  });

  it('blinks both eyes every few seconds when idle', () => {
    const a = new FaceAnimator(0, seeded(2));
    let blinks = 0;
    let closed = false;
    for (let t = 0; t < 20_000; t += 16) {
      const m = a.sample(t).morphs;
      expect(m.blinkLeft).toBe(m.blinkRight);
      if (m.blinkLeft > 0.8 && !closed) blinks++;
      closed = m.blinkLeft > 0.8;
    }
    expect(blinks).toBeGreaterThanOrEqual(3);
    expect(blinks).toBeLessThanOrEqual(12);
  });

  it('eases into a mood', () => {
    const a = new FaceAnimator(0, seeded(3));
    a.sample(0);
    a.setMood('concerned');
    const early = a.sample(50).morphs.browInnerUp;
    let late = early;
    for (let t = 100; t <= 2000; t += 50) late = a.sample(t).morphs.browInnerUp;
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early);
    expect(late).toBeCloseTo(0.65, 2);
    a.setMood('happy');
    for (let t = 2050; t <= 4000; t += 50) a.sample(t);
    expect(a.sample(4000).morphs.smile).toBeGreaterThan(0.7);
  });

  it('turns the eyes and the head towards the gaze target and clamps it', () => {
    const a = new FaceAnimator(0, seeded(4));
    a.lookAt(5, -1);
    let pose = a.sample(0);
    for (let t = 0; t <= 1000; t += 16) pose = a.sample(t);
    expect(pose.morphs.eyeLookRight).toBeGreaterThan(0.85);
    expect(pose.morphs.eyeLookRight).toBeLessThanOrEqual(1);
    expect(pose.morphs.eyeLookLeft).toBe(0);
    expect(pose.morphs.eyeLookDown).toBeGreaterThan(0.85);
    expect(pose.head.yaw).toBeGreaterThan(0.1);
  });
});

describe('FaceAnimator lip-sync and mood blending', () => {
  it('shapes the lips by viseme while speaking, not only the jaw', () => {
    const a = new FaceAnimator(0, seeded(5));
    const plan = planSpeech('您好，欢迎光临！请问有什么可以帮您？', 'zh-CN');
    a.startSpeech(plan, 0);
    const peak: Record<string, number> = { aa: 0, ih: 0, ou: 0, ee: 0, oh: 0, mouthPress: 0 };
    for (let t = 0; t < plan.durationMs; t += 16) {
      const m = a.sample(t).morphs;
      for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k]!, m[k as keyof typeof m]);
    }
    for (const [k, v] of Object.entries(peak)) expect(v, k).toBeGreaterThan(0.5);
  });

  it('follows a boundary event: re-anchoring moves the plan to the voice', () => {
    const a = new FaceAnimator(0, seeded(6));
    const plan = planSpeech('Map moon', 'en');
    a.startSpeech(plan, 0);
    // The voice reports "moon" at 1000 ms: 60 ms later the lips are in its ou, not in silence.
    a.syncSpeech(plan.syllables[1]!.startMs, 1000);
    let m = a.sample(1000).morphs;
    for (let t = 1016; t <= 1150; t += 16) m = a.sample(t).morphs;
    expect(m.ou).toBeGreaterThan(0.5);
  });

  it('blends moods without jumps: every frame moves only part of the way', () => {
    const a = new FaceAnimator(0, seeded(7));
    for (let t = 0; t <= 2000; t += 33) a.sample(t);
    a.setMood('apologetic');
    let prev = a.sample(2000).morphs.browInnerUp;
    let maxStep = 0;
    for (let t = 2033; t <= 4000; t += 33) {
      const v = a.sample(t).morphs.browInnerUp;
      expect(v).toBeGreaterThanOrEqual(prev - 1e-9);
      maxStep = Math.max(maxStep, v - prev);
      prev = v;
    }
    expect(maxStep).toBeLessThan(0.2);
    expect(prev).toBeCloseTo(0.8, 2);
    // Halfway through a change from happy to concerned, both expressions are partly there.
    a.setMood('happy');
    for (let t = 4033; t <= 6000; t += 33) a.sample(t);
    a.setMood('concerned');
    const mid = a.sample(6250).morphs;
    expect(mid.smile).toBeGreaterThan(0.1);
    expect(mid.smile).toBeLessThan(0.7);
    expect(mid.browInnerUp).toBeGreaterThan(0.1);
    expect(mid.browInnerUp).toBeLessThan(0.6);
  });
});
