// Skull, ears, hair and shoulders: the large, mostly still surfaces. The chin follows the jaw morphs.
import { type MeshBuilder, type Vec3 } from './mesh-builder.ts';
import {
  HEAD,
  MOUTH,
  MOUTH_SHAPES,
  PALETTE,
  gauss,
  mix,
  noseBump,
  smoothstep,
  socketDip,
  type MouthShape,
} from './face-layout.ts';
import { jawDrop } from './mouth-shapes.ts';

/** Unit direction for azimuth theta (0 = facing the viewer, +x to the right) and polar angle phi (0 = top). */
function dir(theta: number, phi: number): Vec3 {
  return [Math.sin(phi) * Math.sin(theta), Math.cos(phi), Math.sin(phi) * Math.cos(theta)];
}

/** The skull surface: an ellipsoid, narrower at the jaw, with nose, eye sockets and cheeks. */
function skullPoint(theta: number, phi: number): Vec3 {
  const d = dir(theta, phi);
  let x = d[0] * HEAD.rx;
  // The lower half is shorter than the upper: a compact, friendly chin.
  const y = d[1] * HEAD.ry * (d[1] < 0 ? HEAD.chin : 1);
  let z = d[2] * HEAD.rz;
  // A softer, narrower jaw below the mouth line.
  x *= 1 - 0.14 * smoothstep(-0.3, -0.86, y);
  z *= 1 - 0.06 * smoothstep(-0.45, -0.86, y);
  if (z > 0) {
    const front = smoothstep(0.2, 0.6, d[2]);
    z += front * (noseBump(x, y) - socketDip(x, y));
    // Cheeks: a little fullness under the eyes.
    z += front * 0.03 * (gauss(x - 0.36, y + 0.22, 0.16, 0.14) + gauss(x + 0.36, y + 0.22, 0.16, 0.14));
  }
  return [x, y, z];
}

export function addSkull(b: MeshBuilder): number {
  return b.addGrid(
    88,
    60,
    (u, v) => {
      const theta = u * Math.PI * 2;
      const phi = v * Math.PI;
      const p = skullPoint(theta, phi);
      const [x, y, z] = p;
      const cheeks = gauss(x - 0.38, y + 0.25, 0.13, 0.1) + gauss(x + 0.38, y + 0.25, 0.13, 0.1);
      const c = mix(PALETTE.skin, PALETTE.blush, 0.35 * cheeks);
      // The chin drops with the jaw: full weight below the lower lip, fading to the sides and the back.
      const chin =
        z > 0
          ? smoothstep(MOUTH.y - 0.02, MOUTH.y - 0.16, y) * gauss(x, 0, 0.42, 1) * smoothstep(0, 0.5, z)
          : 0;
      const morph: Record<string, Vec3> = {};
      if (chin > 0.001) {
        for (const shape of MOUTH_SHAPES as readonly MouthShape[]) {
          const drop = jawDrop(shape);
          if (drop > 0) morph[shape] = [0, -drop * chin, -0.25 * drop * chin];
        }
        // Smiling lifts the cheeks a touch.
      }
      const cheekLift = z > 0 ? cheeks : 0;
      if (cheekLift > 0.001) morph['smile'] = [0, 0.03 * cheekLift, 0.015 * cheekLift];
      return { p, c, morph };
    },
    { wrapU: true },
  );
}

/** Ears: small ellipsoids half sunk into the sides of the head. */
export function addEars(b: MeshBuilder): number {
  let triangles = 0;
  for (const side of [-1, 1]) {
    const centre: Vec3 = [side * (HEAD.rx - 0.03), -0.02, -0.06];
    triangles += b.addGrid(
      16,
      12,
      (u, v) => {
        const d = dir(u * Math.PI * 2, v * Math.PI);
        return {
          p: [centre[0] + d[0] * 0.07, centre[1] + d[1] * 0.17, centre[2] + d[2] * 0.11],
          c: PALETTE.skin,
        };
      },
      { wrapU: true },
    );
  }
  return triangles;
}

/** Hair: a cap over the skull with a side-swept fringe line, high at the front and low at the back. */
export function addHair(b: MeshBuilder): number {
  return b.addGrid(
    72,
    24,
    (u, v) => {
      const theta = u * Math.PI * 2;
      const back = (1 - Math.cos(theta)) / 2;
      // Hairline polar angle: a parted fringe in front, over the ears at the sides, the nape at the back.
      const edge = 0.86 + 1.3 * back ** 0.9 + 0.22 * Math.sin(theta) * (1 - back) ** 2;
      const phi = v * edge;
      const d = dir(theta, phi);
      // Volume on top; the last row tucks in to meet the skin without a visible gap.
      const lift = 1.08 + 0.07 * Math.max(0, Math.cos(phi)) - 0.07 * smoothstep(0.75, 1, v);
      const p: Vec3 = [d[0] * HEAD.rx * lift, d[1] * HEAD.ry * lift + 0.02, d[2] * HEAD.rz * lift];
      return { p, c: PALETTE.hair };
    },
    { wrapU: true },
  );
}

/** Neck and shoulders in a navy suit with a white collar and the bank's gold scarf. */
export function addShoulders(b: MeshBuilder): number {
  let triangles = b.addGrid(
    28,
    6,
    (u, v) => {
      const theta = u * Math.PI * 2;
      const y = -0.55 - v * 0.75;
      const r = 1 + 0.12 * v;
      return { p: [Math.sin(theta) * 0.31 * r, y, Math.cos(theta) * 0.28 * r - 0.1], c: PALETTE.skin };
    },
    { wrapU: true },
  );
  triangles += b.addGrid(
    56,
    22,
    (u, v) => {
      const theta = u * Math.PI * 2;
      const phi = 0.05 + v * (Math.PI / 2 - 0.05);
      const d = dir(theta, phi);
      const p: Vec3 = [d[0] * TORSO.rx, TORSO.top - TORSO.drop * (1 - d[1]), d[2] * TORSO.rz + TORSO.z];
      return { p, c: PALETTE.suit };
    },
    { wrapU: true },
  );
  // The collar opening: a white shirt V with the bank's gold scarf in it, laid just over the jacket.
  triangles += addFrontPanel(b, 0.36, 0.78, 0.02, PALETTE.shirt);
  triangles += addFrontPanel(b, 0.12, 0.62, 0.035, PALETTE.scarf);
  return triangles;
}

const TORSO = { rx: 1.45, top: -1.08, drop: 1.02, rz: 0.62, z: -0.12 } as const;

/** Front depth of the jacket at (x, y): the inverse of the shoulder ellipsoid above. */
function torsoZ(x: number, y: number): number {
  const d1 = (y - (TORSO.top - TORSO.drop)) / TORSO.drop;
  const q = 1 - (x / TORSO.rx) ** 2 - d1 ** 2;
  return Math.sqrt(Math.max(0, q)) * TORSO.rz + TORSO.z;
}

/** A V-shaped panel hugging the jacket front: `halfWidth` at the neckline, narrowing to a point. */
function addFrontPanel(b: MeshBuilder, halfWidth: number, depth: number, lift: number, c: Vec3): number {
  return b.addGrid(9, 10, (u, v) => {
    const y = TORSO.top - 0.1 - v * depth;
    const x = (u * 2 - 1) * halfWidth * (1 - v);
    return { p: [x, y, torsoZ(x, y) + lift], c };
  });
}
