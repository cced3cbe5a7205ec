import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkJointTargets,
  DEFAULT_LIMITS,
  FIXTURES,
  forwardKinematics,
  HOME_POSE,
  inverseKinematics,
} from './kinematics.ts';
import { minTime, planMotion, sample } from './motion.ts';

describe('kinematics', () => {
  it('solves every fixture and its approach point back to the same tool point', () => {
    for (const f of Object.values(FIXTURES)) {
      const p = forwardKinematics(f.joints);
      expect(Math.hypot(p.x - f.pose.x, p.y - f.pose.y, p.z - f.pose.z)).toBeLessThan(0.1);
      const a = forwardKinematics(f.approachJoints);
      expect(a.z - p.z).toBeCloseTo(60, 0);
    }
  });

  it('inverts forward kinematics wherever it finds a solution', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: 0, max: 600 }),
        (x, y, z) => {
          const j = inverseKinematics({ x, y, z });
          if (!j) return;
          const p = forwardKinematics(j);
          expect(Math.hypot(p.x - x, p.y - y, p.z - z)).toBeLessThan(0.1);
        },
      ),
    );
  });

  it('refuses unreachable points and targets outside the limits', () => {
    expect(inverseKinematics({ x: 2000, y: 0, z: 100 })).toBeNull();
    expect(checkJointTargets([0, 0, 0, 0])).toMatch(/expected 5/);
    expect(checkJointTargets([0, 200, 0, 0, 0])).toMatch(/joint 1 .* outside/);
    expect(checkJointTargets([0, NaN, 0, 0, 0])).toMatch(/not a number/);
    expect(checkJointTargets(HOME_POSE)).toBeNull();
  });
});

describe('trapezoidal motion', () => {
  const limits = DEFAULT_LIMITS.joints;
  it('moves every joint together, within its limits, to the target', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -150, max: 150 }), { minLength: 5, maxLength: 5 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (target, scale) => {
          const start = [0, 0, 0, 0, 0];
          const plan = planMotion(start, target, limits, scale);
          for (let i = 0; i < 5; i++) {
            const p = plan.joints[i]!;
            expect(p.v).toBeLessThanOrEqual(limits[i]!.maxVelocity * scale + 1e-6);
            expect(sample(p, plan.duration, plan.duration).pos).toBeCloseTo(target[i]!, 6);
            expect(sample(p, plan.duration, 0).pos).toBeCloseTo(0, 9);
            for (let k = 1; k < 20; k++) {
              const s = sample(p, plan.duration, (plan.duration * k) / 20);
              expect(Math.abs(s.vel)).toBeLessThanOrEqual(limits[i]!.maxVelocity * scale + 1e-6);
            }
          }
        },
      ),
    );
  });

  it('takes the textbook minimum time', () => {
    expect(minTime(0, 10, 10)).toBe(0);
    expect(minTime(100, 10, 100)).toBeCloseTo(10.1, 9); // cruise: d/v + v/a
    expect(minTime(1, 100, 100)).toBeCloseTo(0.2, 9); // triangle: 2*sqrt(d/a)
  });
});
