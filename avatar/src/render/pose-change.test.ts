import { describe, expect, it } from 'vitest';
import { FaceAnimator } from '../animation/face-animator.ts';
import { copyPose, HEAD_STEP_RAD, MORPH_STEP, visiblyChanged } from './pose-change.ts';

const pose = () => new FaceAnimator(0).sample(0);

describe('visiblyChanged', () => {
  it('draws the first frame', () => {
    expect(visiblyChanged(null, pose())).toBe(true);
  });

  it('skips a pose that moved less than a visible step, and draws one that moved a step', () => {
    const drawn = pose();
    const next = copyPose(drawn);
    next.head.yaw += HEAD_STEP_RAD / 2;
    next.morphs.smile += MORPH_STEP / 2;
    expect(visiblyChanged(drawn, next)).toBe(false);
    next.head.yaw += HEAD_STEP_RAD;
    expect(visiblyChanged(drawn, next)).toBe(true);
    const blink = copyPose(drawn);
    blink.morphs.blinkLeft = Math.min(1, blink.morphs.blinkLeft + MORPH_STEP);
    expect(visiblyChanged(drawn, blink)).toBe(true);
  });

  it('keeps what was drawn when the animator moves on', () => {
    const animator = new FaceAnimator(0);
    const drawn = copyPose(animator.sample(0));
    const before = JSON.stringify(drawn);
    animator.setMood('happy');
    animator.sample(400);
    expect(JSON.stringify(drawn)).toBe(before);
  });

  it('draws an idle face a few times a second, not every frame, and a mood change every frame', () => {
    const animator = new FaceAnimator(0);
    let drawn = copyPose(animator.sample(0));
    const count = (fromMs: number, toMs: number) => {
      let n = 0;
      for (let t = fromMs; t <= toMs; t += 100) {
        const p = animator.sample(t);
        if (visiblyChanged(drawn, p)) {
          drawn = copyPose(p);
          n++;
        }
      }
      return n;
    };
    // Ten seconds of idle life at 10 fps: 100 frames.
    const idle = count(100, 10_000);
    expect(idle).toBeGreaterThan(5);
    expect(idle).toBeLessThan(60);
    animator.setMood('happy');
    // The smile grows over its first few hundred milliseconds: every one of those frames is drawn.
    expect(count(10_100, 10_400)).toBe(4);
  });
});
