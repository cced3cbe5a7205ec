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
  /** [first vertex, vertex count] of each part. */
  vertexRanges: Record<string, [number, number]>;
}

type PartAdder = (b: MeshBuilder) => number;

function assemble(morphNames: readonly string[], adders: Record<string, PartAdder>): HeadGeometryData {
  const b = new MeshBuilder(morphNames);
  const parts: Record<string, number> = {};
  const vertexRanges: Record<string, [number, number]> = {};
  for (const [name, add] of Object.entries(adders)) {
    const first = b.vertexCount;
    parts[name] = add(b);
    vertexRanges[name] = [first, b.vertexCount - first];
  }
  const data = b.build();
  return { ...data, triangleCount: data.indices.length / 3, parts, vertexRanges };
}

/** The head: everything that turns and moves with the face, carrying all morph targets. */
export function generateHeadGeometry(): HeadGeometryData {
  return assemble(MORPH_NAMES, {
    skull: addSkull,
    ears: addEars,
    hair: addHair,
    eyes: addEyes,
    lids: addLids,
    brows: addBrows,
    mouthInside: addMouthInside,
    lips: addLips,
  });
}

/** Neck and shoulders: a second, static mesh (the head turns above it). */
export function generateBodyGeometry(): HeadGeometryData {
  return assemble([], { shoulders: addShoulders });
}
