// Lips (a tube around the mouth) and the mouth's dark inside (a disc behind them), both driven by the
// mouth shapes of mouth-shapes.ts so the opening and the lips always agree.
import type { MeshBuilder, Vec3 } from './mesh-builder.ts';
import { MOUTH, MOUTH_SHAPES, PALETTE, faceZ, mix } from './face-layout.ts';
import { lipOffset } from './mouth-shapes.ts';

/** The resting lip line: a gentle, closed smile. */
function lipLine(angle: number): Vec3 {
  const x = Math.cos(angle) * MOUTH.halfWidth;
  // Upper lip has a soft bow; lower lip is fuller. Corners sit a little higher: a friendly resting face.
  const sin = Math.sin(angle);
  const y = MOUTH.y + (sin > 0 ? 0.022 * sin : 0.026 * sin) + 0.012 * Math.cos(angle) ** 4;
  return [x, y, faceZ(x, y) - 0.006];
}

function shapeOffsets(angle: number, scale: number): Record<string, Vec3> {
  const out: Record<string, Vec3> = {};
  for (const shape of MOUTH_SHAPES) {
    const d = lipOffset(shape, angle);
    out[shape] = [d[0] * scale, d[1] * scale, d[2] * scale];
  }
  return out;
}

export function addLips(b: MeshBuilder): number {
  return b.addGrid(
    64,
    9,
    (u, v) => {
      const angle = u * Math.PI * 2;
      const centre = lipLine(angle);
      // Tube cross-section: around the lip line, in the plane of the line's normal and the face normal.
      const ring = v * Math.PI * 2;
      const r =
        MOUTH.lipRadius * (Math.sin(angle) < 0 ? 1.15 : 1) * (0.55 + 0.45 * Math.abs(Math.sin(angle)));
      const radial: Vec3 = [Math.cos(angle) * 0.3, Math.sin(angle), 0];
      const len = Math.hypot(radial[0], radial[1]);
      const p: Vec3 = [
        centre[0] + (radial[0] / len) * Math.cos(ring) * r,
        centre[1] + (radial[1] / len) * Math.cos(ring) * r,
        centre[2] + Math.sin(ring) * r,
      ];
      return { p, c: PALETTE.lip, morph: shapeOffsets(angle, 1) };
    },
    { wrapU: true, flip: true },
  );
}

/** The inside of the mouth, visible when the lips part; the tongue shows in its lower half. */
export function addMouthInside(b: MeshBuilder): number {
  return b.addGrid(
    48,
    6,
    (u, v) => {
      const angle = u * Math.PI * 2;
      const edge = lipLine(angle);
      const r = v;
      const x = edge[0] * r;
      const y = MOUTH.y + (edge[1] - MOUTH.y) * r;
      const z = faceZ(0, MOUTH.y) - 0.03 - 0.05 * (1 - r);
      const lower = Math.max(0, -Math.sin(angle)) * (1 - r);
      const c = mix(PALETTE.mouthInside, PALETTE.tongue, Math.min(1, lower * 1.6));
      return { p: [x, y, z], c, morph: shapeOffsets(angle, r) };
    },
    { wrapU: true },
  );
}
