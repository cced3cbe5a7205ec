// Whether a face pose looks different from the one last drawn. The face's idle life (breathing, the
// slow head sway) moves it by a fraction of a pixel per frame, and on software WebGL every drawn frame
// costs tens of milliseconds of CPU that the kiosk's other processes need. So the render loop draws a
// frame only once the pose has drifted about half a pixel from the last drawn one, or a morph has moved by
// a visible step; a blink, speech or a mood change still draws every frame.
import type { FacePose } from '../animation/face-animator.ts';

/** A morph step (0..1 scale) below which nothing visible changes: 1% of a full blink or smile. */
export const MORPH_STEP = 0.01;
/** Head rotation (radians) that moves the face's outline about half a pixel at kiosk size. */
export const HEAD_STEP_RAD = 0.002;
/** Breathing lift (scene units) of about half a pixel at kiosk size. */
export const LIFT_STEP = 0.002;

export function visiblyChanged(drawn: FacePose | null, next: FacePose): boolean {
  if (drawn === null) return true;
  const h = drawn.head;
  const n = next.head;
  if (
    Math.max(Math.abs(h.yaw - n.yaw), Math.abs(h.pitch - n.pitch), Math.abs(h.roll - n.roll)) >= HEAD_STEP_RAD
  )
    return true;
  if (Math.abs(h.lift - n.lift) >= LIFT_STEP) return true;
  for (const name of Object.keys(next.morphs) as (keyof FacePose['morphs'])[]) {
    if (Math.abs(next.morphs[name] - (drawn.morphs[name] ?? 0)) >= MORPH_STEP) return true;
  }
  return false;
}

/** A copy the animator cannot change afterwards: what was drawn, to compare the next pose with. */
export function copyPose(pose: FacePose): FacePose {
  return { morphs: { ...pose.morphs }, head: { ...pose.head } };
}
