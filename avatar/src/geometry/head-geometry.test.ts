import { describe, expect, it } from 'vitest';
import { generateBodyGeometry, generateHeadGeometry } from './head-geometry.ts';
import { EYE, MORPH_NAMES, MOUTH } from './face-layout.ts';

const head = generateHeadGeometry();
const body = generateBodyGeometry();

function vertex(p: Float32Array, i: number): [number, number, number] {
  return [p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!];
}

describe('generated head geometry', () => {
  it('stays within the triangle budget and has consistent buffer sizes', () => {
    const vertices = head.positions.length / 3;
    expect(head.triangleCount + body.triangleCount).toBeLessThan(50_000);
    expect(head.triangleCount).toBeGreaterThan(5_000);
    expect(head.indices.length).toBe(head.triangleCount * 3);
    expect(head.normals.length).toBe(head.positions.length);
    expect(head.colors.length).toBe(head.positions.length);
    expect(Object.values(head.parts).reduce((a, b) => a + b, 0)).toBe(head.triangleCount);
    expect(Math.max(...head.indices)).toBeLessThan(vertices);
    for (const v of head.positions) expect(Number.isFinite(v)).toBe(true);
  });

  it('has every named morph target, each the size of the position buffer and actually moving something', () => {
    expect(head.morphTargets.map((t) => t.name)).toEqual([...MORPH_NAMES]);
    for (const name of ['jawOpen', 'blinkLeft', 'blinkRight', 'smile', 'aa', 'ih', 'ou', 'ee', 'oh']) {
      expect(MORPH_NAMES).toContain(name);
    }
    for (const t of head.morphTargets) {
      expect(t.deltas.length).toBe(head.positions.length);
      const moved = t.deltas.reduce((n, d) => n + (d !== 0 ? 1 : 0), 0);
      expect(moved, t.name).toBeGreaterThan(0);
    }
  });

  it('opens the jaw downwards and blinks only the named eye', () => {
    const jaw = head.morphTargets.find((t) => t.name === 'jawOpen')!.deltas;
    const blinkLeft = head.morphTargets.find((t) => t.name === 'blinkLeft')!.deltas;
    let lowestDy = 0;
    for (let i = 0; i < jaw.length; i += 3) lowestDy = Math.min(lowestDy, jaw[i + 1]!);
    expect(lowestDy).toBeLessThan(-0.1);
    for (let i = 0; i < blinkLeft.length / 3; i++) {
      if (blinkLeft[i * 3] === 0 && blinkLeft[i * 3 + 1] === 0 && blinkLeft[i * 3 + 2] === 0) continue;
      // The character's left eye sits on +x (facing +z, y up).
      const [x, y] = vertex(head.positions, i);
      expect(x).toBeGreaterThan(0);
      expect(Math.abs(y - EYE.y)).toBeLessThan(EYE.lidRadius * 1.01);
    }
  });

  it('winds every closed part outwards: normals point away from the part centre', () => {
    for (const part of ['skull', 'hair', 'eyes', 'ears']) {
      const [first, count] = head.vertexRanges[part]!;
      // Eyes and ears come in pairs: measure from the centroid of the vertices on the same side.
      const paired = part === 'eyes' || part === 'ears';
      const centroid = (side: number): number[] => {
        const sum = [0, 0, 0];
        let n = 0;
        for (let i = first; i < first + count; i++) {
          const p = vertex(head.positions, i);
          if (paired && Math.sign(p[0]) !== side) continue;
          p.forEach((c, k) => (sum[k] = sum[k]! + c));
          n++;
        }
        return paired ? sum.map((c) => c / n) : [0, 0, 0];
      };
      const centres = new Map([1, -1].map((side) => [side, centroid(side)]));
      let outward = 0;
      for (let i = first; i < first + count; i++) {
        const p = vertex(head.positions, i);
        const c = centres.get(Math.sign(p[0]) || 1)!;
        let dot = 0;
        for (let k = 0; k < 3; k++) dot += (p[k]! - c[k]!) * head.normals[i * 3 + k]!;
        if (dot > 0) outward++;
      }
      expect(outward / count, part).toBeGreaterThan(0.9);
    }
  });

  it('puts the lips and mouth in front of the face, below the eyes', () => {
    const [first, count] = head.vertexRanges['lips']!;
    for (let i = first; i < first + count; i++) {
      const [, y, z] = vertex(head.positions, i);
      expect(Math.abs(y - MOUTH.y)).toBeLessThan(0.1);
      expect(z).toBeGreaterThan(0.5);
    }
  });

  it('splits the head into two material groups (skin, glossy eyes) covering every index', () => {
    expect(head.groups.map((g) => g.materialIndex)).toEqual([0, 1]);
    expect(head.groups.reduce((n, g) => n + g.count, 0)).toBe(head.indices.length);
    expect(body.morphTargets).toEqual([]);
  });
});
