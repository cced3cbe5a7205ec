import { DEFAULT_LIMITS } from '@branch/firmware-bridge';
import { describe, expect, it } from 'vitest';
import { jogTarget } from './jog-controller.ts';

describe('jogTarget', () => {
  it('moves at most 200 mm along one axis', () => {
    expect(jogTarget({ x: 250, y: 0, z: 400 }, { axis: 'z', direction: -1 }, DEFAULT_LIMITS)).toEqual({
      x: 250,
      y: 0,
      z: 200,
    });
  });
  it('stops short of the workspace box and refuses at its edge', () => {
    expect(jogTarget({ x: 500, y: 0, z: 400 }, { axis: 'x', direction: 1 }, DEFAULT_LIMITS)?.x).toBe(590);
    expect(jogTarget({ x: 590, y: 0, z: 400 }, { axis: 'x', direction: 1 }, DEFAULT_LIMITS)).toBeNull();
  });
});
