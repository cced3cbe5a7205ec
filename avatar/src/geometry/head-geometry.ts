// Assembles the whole digital human into one mesh: every vertex generated here, no downloaded model.
import { MeshBuilder, type MeshData } from './mesh-builder.ts';
import { MORPH_NAMES } from './face-layout.ts';
import { addEars, addHair, addShoulders, addSkull } from './head-parts.ts';
import { addBrows, addEyes, addLids } from './eye-parts.ts';
import { addLips, addMouthInside } from './mouth-parts.ts';

export interface HeadGeometryData extends MeshData {
  triangleCount: number;
  /** Triangles per part, for budgets and tests. */
  parts: Record<string, number>;
}

/** The head: everything that turns and moves with the face, carrying all morph targets. */
export function generateHeadGeometry(): HeadGeometryData {
  const b = new MeshBuilder(MORPH_NAMES);
  const parts: Record<string, number> = {
    skull: addSkull(b),
    ears: addEars(b),
    hair: addHair(b),
    eyes: addEyes(b),
    lids: addLids(b),
    brows: addBrows(b),
    mouthInside: addMouthInside(b),
    lips: addLips(b),
  };
  const data = b.build();
  return { ...data, triangleCount: data.indices.length / 3, parts };
}

/** Neck and shoulders: a second, static mesh (the head turns above it). */
export function generateBodyGeometry(): HeadGeometryData {
  const b = new MeshBuilder([]);
  const parts = { shoulders: addShoulders(b) };
  const data = b.build();
  return { ...data, triangleCount: data.indices.length / 3, parts };
}
