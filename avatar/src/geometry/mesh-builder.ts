// Accumulates parametric surface patches into one indexed mesh with vertex colours and sparse morph deltas,
// so the whole face is a single geometry (one draw call). Pure: no three.js, no DOM.

export type Vec3 = [number, number, number];
export type Rgb = [number, number, number];

export interface MorphTargetData {
  name: string;
  /** Relative offsets (x, y, z per vertex), same length as positions. */
  deltas: Float32Array;
}

export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  colors: Float32Array;
  indices: Uint32Array;
  /** Index ranges per material (0 = skin and cloth, 1 = glossy eyes). */
  groups: { start: number; count: number; materialIndex: number }[];
  morphTargets: MorphTargetData[];
}

export interface GridVertex {
  p: Vec3;
  c: Rgb;
  /** Morph offsets of this vertex by target name; absent names mean no movement. */
  morph?: Record<string, Vec3>;
}

export interface GridOptions {
  /** The last column joins the first (a closed ring such as a sphere's azimuth). */
  wrapU?: boolean;
  /** Reverse the triangle winding so the front face points the other way. */
  flip?: boolean;
  /** Material index of the patch; 0 by default. */
  material?: number;
}

export class MeshBuilder {
  private readonly positions: number[] = [];
  private readonly colors: number[] = [];
  private readonly indicesByMaterial: number[][] = [];
  private readonly morphs = new Map<string, Map<number, Vec3>>();

  constructor(private readonly morphNames: readonly string[]) {
    for (const name of morphNames) this.morphs.set(name, new Map());
  }

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  addVertex(v: GridVertex): number {
    const index = this.vertexCount;
    this.positions.push(...v.p);
    this.colors.push(...v.c);
    if (v.morph) {
      for (const [name, d] of Object.entries(v.morph)) {
        const target = this.morphs.get(name);
        if (!target) throw new Error(`unknown morph target ${name}`);
        if (d[0] !== 0 || d[1] !== 0 || d[2] !== 0) target.set(index, d);
      }
    }
    return index;
  }

  /**
   * Adds a (cols x rows) patch sampled at u = i / (cols - 1 or cols when wrapped), v = j / (rows - 1),
   * and stitches it into triangles. Returns the number of triangles added.
   */
  addGrid(
    cols: number,
    rows: number,
    at: (u: number, v: number) => GridVertex,
    options: GridOptions = {},
  ): number {
    const wrap = options.wrapU ?? false;
    const first = this.vertexCount;
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < cols; i++) this.addVertex(at(i / (wrap ? cols : cols - 1), j / (rows - 1)));
    }
    const quadCols = wrap ? cols : cols - 1;
    const material = options.material ?? 0;
    const indices = (this.indicesByMaterial[material] ??= []);
    let triangles = 0;
    for (let j = 0; j < rows - 1; j++) {
      for (let i = 0; i < quadCols; i++) {
        const a = first + j * cols + i;
        const b = first + j * cols + ((i + 1) % cols);
        const c = a + cols;
        const d = b + cols;
        if (options.flip) indices.push(a, b, c, b, d, c);
        else indices.push(a, c, b, b, c, d);
        triangles += 2;
      }
    }
    return triangles;
  }

  build(): MeshData {
    const positions = new Float32Array(this.positions);
    const groups: MeshData['groups'] = [];
    let start = 0;
    this.indicesByMaterial.forEach((list, materialIndex) => {
      groups.push({ start, count: list.length, materialIndex });
      start += list.length;
    });
    const indices = new Uint32Array(this.indicesByMaterial.flat());
    const morphTargets = this.morphNames.map((name) => {
      const deltas = new Float32Array(positions.length);
      for (const [i, d] of this.morphs.get(name) ?? []) deltas.set(d, i * 3);
      return { name, deltas };
    });
    return {
      positions,
      normals: computeNormals(positions, indices),
      colors: new Float32Array(this.colors),
      indices,
      groups,
      morphTargets,
    };
  }
}

/** Area-weighted smooth vertex normals. Degenerate triangles (sphere poles) add nothing. */
export function computeNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const n = new Float32Array(positions.length);
  for (let t = 0; t < indices.length; t += 3) {
    const ia = indices[t]! * 3;
    const ib = indices[t + 1]! * 3;
    const ic = indices[t + 2]! * 3;
    const e1x = positions[ib]! - positions[ia]!;
    const e1y = positions[ib + 1]! - positions[ia + 1]!;
    const e1z = positions[ib + 2]! - positions[ia + 2]!;
    const e2x = positions[ic]! - positions[ia]!;
    const e2y = positions[ic + 1]! - positions[ia + 1]!;
    const e2z = positions[ic + 2]! - positions[ia + 2]!;
    const cx = e1y * e2z - e1z * e2y;
    const cy = e1z * e2x - e1x * e2z;
    const cz = e1x * e2y - e1y * e2x;
    for (const i of [ia, ib, ic]) {
      n[i] = n[i]! + cx;
      n[i + 1] = n[i + 1]! + cy;
      n[i + 2] = n[i + 2]! + cz;
    }
  }
  for (let i = 0; i < n.length; i += 3) {
    const len = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!) || 1;
    n[i] = n[i]! / len;
    n[i + 1] = n[i + 1]! / len;
    n[i + 2] = n[i + 2]! / len;
  }
  return n;
}
