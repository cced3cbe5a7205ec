// Eyes (rotating by morph for gaze), eyelids (closing by morph for blinks) and brows.
import type { MeshBuilder, Rgb, Vec3 } from './mesh-builder.ts';
import { BROW, EYE, PALETTE, faceZ, mix, rotateAbout, sub } from './face-layout.ts';

const DEG = Math.PI / 180;
/** Gaze range of the eyeLook* morphs at full weight. */
export const GAZE_YAW = 22 * DEG;
export const GAZE_PITCH = 15 * DEG;

export function eyeCentre(side: 1 | -1): Vec3 {
  return [side * EYE.x, EYE.y, faceZ(side * EYE.x, EYE.y) - 0.065];
}

/** Colour at angle `phi` from the line of sight: pupil, iris (darker at its rim), white. */
function irisColour(phi: number): Rgb {
  if (phi < 0.2) return PALETTE.pupil;
  if (phi < 0.36) return PALETTE.iris;
  if (phi < 0.44) return mix(PALETTE.iris, PALETTE.pupil, 0.45);
  return PALETTE.eyeWhite;
}

export function addEyes(b: MeshBuilder): number {
  let triangles = 0;
  for (const side of [1, -1] as const) {
    const c = eyeCentre(side);
    // Poles on the line of sight, so pupil and iris edges follow rings of vertices and stay round;
    // rows are denser near the front, where the detail is.
    triangles += b.addGrid(
      32,
      20,
      (u, v) => {
        const theta = u * Math.PI * 2;
        const phi = Math.PI * v ** 1.7;
        const d: Vec3 = [Math.sin(phi) * Math.cos(theta), Math.sin(phi) * Math.sin(theta), Math.cos(phi)];
        const p: Vec3 = [c[0] + d[0] * EYE.radius, c[1] + d[1] * EYE.radius, c[2] + d[2] * EYE.radius];
        const morph: Record<string, Vec3> = {
          eyeLookLeft: sub(rotateAbout(p, c, -GAZE_YAW, 0), p),
          eyeLookRight: sub(rotateAbout(p, c, GAZE_YAW, 0), p),
          eyeLookUp: sub(rotateAbout(p, c, 0, GAZE_PITCH), p),
          eyeLookDown: sub(rotateAbout(p, c, 0, -GAZE_PITCH), p),
        };
        return { p, c: irisColour(phi), morph };
      },
      { wrapU: true, material: 1 },
    );
  }
  return triangles;
}

/** A point on the lid sphere at elevation `alpha` (0 = straight ahead, + up) and sideways angle `beta`. */
function lidPoint(c: Vec3, alpha: number, beta: number): Vec3 {
  const r = EYE.lidRadius;
  return [
    c[0] + Math.sin(beta) * Math.cos(alpha) * r,
    c[1] + Math.sin(alpha) * r,
    c[2] + Math.cos(beta) * Math.cos(alpha) * r,
  ];
}

/**
 * Upper and lower lids: shells over the eyeball whose edges meet just below the middle when closed.
 * Each lid sweeps less than 50 degrees, so the linear morph never cuts through the eyeball.
 */
export function addLids(b: MeshBuilder): number {
  let triangles = 0;
  const closed = -12 * DEG;
  for (const side of [1, -1] as const) {
    const c = eyeCentre(side);
    const blink = side === 1 ? 'blinkLeft' : 'blinkRight';
    const lids = [
      { top: 100 * DEG, open: 30 * DEG, flip: false, lash: true },
      { top: -95 * DEG, open: -40 * DEG, flip: true, lash: false },
    ];
    for (const lid of lids) {
      triangles += b.addGrid(
        18,
        9,
        (u, v) => {
          const beta = (u * 2 - 1) * 78 * DEG;
          const alphaOpen = lid.top + (lid.open - lid.top) * v;
          const alphaClosed = lid.top + (closed - lid.top) * v;
          const p = lidPoint(c, alphaOpen, beta);
          const colour = lid.lash && v > 0.8 ? PALETTE.lash : PALETTE.skin;
          return { p, c: colour, morph: { [blink]: sub(lidPoint(c, alphaClosed, beta), p) } };
        },
        { flip: lid.flip },
      );
    }
  }
  return triangles;
}

export function addBrows(b: MeshBuilder): number {
  let triangles = 0;
  for (const side of [1, -1] as const) {
    triangles += b.addGrid(
      14,
      8,
      (u, v) => {
        const x = side * (BROW.inner + (BROW.outer - BROW.inner) * u);
        const yLine = BROW.y + 0.045 * Math.sin(Math.PI * u ** 0.8) - 0.02 * u;
        const ring = v * Math.PI * 2;
        const halfHeight = 0.021 * (1 - 0.45 * u);
        const y = yLine + Math.cos(ring) * halfHeight;
        const z = faceZ(x, yLine) + 0.006 + Math.sin(ring) * 0.012;
        const inner = (1 - u) ** 1.5;
        const morph: Record<string, Vec3> = {
          browUp: [0, 0.05, 0.004],
          browDown: [-side * 0.012 * inner, -0.032 * (1 - 0.4 * u), 0],
          browInnerUp: [0, 0.06 * inner, 0.004 * inner],
        };
        return { p: [x, y, z], c: PALETTE.brow, morph };
      },
      { wrapU: true, flip: side === -1 },
    );
  }
  return triangles;
}
