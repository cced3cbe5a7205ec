// How each mouth shape moves a point of the lip line, as a function of its angle around the mouth
// (0 = the viewer's right corner, pi/2 = the top of the upper lip, 3pi/2 = the bottom of the lower lip).
import type { Vec3 } from './mesh-builder.ts';
import type { MouthShape } from './face-layout.ts';

interface ShapeSpec {
  /** Lower lip drop at the bottom centre. */
  drop: number;
  /** Upper lip rise at the top centre. */
  rise: number;
  /** Corners out (+) or in (-). */
  widen: number;
  /** Corners up (+) or down (-). */
  corners: number;
  /** Lips forward (+), as in a rounded vowel. */
  pout: number;
}

const SPECS: Record<MouthShape, ShapeSpec> = {
  jawOpen: { drop: 0.2, rise: 0.01, widen: -0.02, corners: -0.015, pout: 0 },
  aa: { drop: 0.22, rise: 0.02, widen: 0, corners: 0, pout: 0 },
  ih: { drop: 0.07, rise: 0.012, widen: 0.03, corners: 0.005, pout: 0 },
  ou: { drop: 0.05, rise: 0.02, widen: -0.085, corners: 0, pout: 0.05 },
  ee: { drop: 0.045, rise: 0.01, widen: 0.05, corners: 0.012, pout: -0.01 },
  oh: { drop: 0.14, rise: 0.025, widen: -0.06, corners: 0, pout: 0.035 },
  mouthPress: { drop: -0.008, rise: -0.008, widen: 0.01, corners: 0, pout: -0.015 },
  smile: { drop: 0, rise: 0, widen: 0.035, corners: 0.065, pout: -0.02 },
  frown: { drop: 0, rise: 0, widen: -0.01, corners: -0.05, pout: 0 },
};

/** How far the chin moves down with this shape at full weight. */
export function jawDrop(shape: MouthShape): number {
  return Math.max(0, SPECS[shape].drop);
}

/** Offset of the lip-line point at `angle` for `shape` at full weight. */
export function lipOffset(shape: MouthShape, angle: number): Vec3 {
  const s = SPECS[shape];
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const up = Math.max(0, sin);
  const down = Math.max(0, -sin);
  const corner = cos * cos;
  return [s.widen * cos, s.rise * up - s.drop * down + s.corners * corner ** 2, s.pout * (1 - corner * 0.6)];
}
