// Proportions, palette and morph names of the generated head: one place for every number the parts share.
import type { Rgb, Vec3 } from './mesh-builder.ts';

/** Head ellipsoid half-axes (x wide, y tall, z deep), in head units (1 = half the head height). */
export const HEAD = { rx: 0.78, ry: 1.0, rz: 0.86, chin: 0.86 } as const;
export const EYE = { x: 0.27, y: 0.05, radius: 0.132, lidRadius: 0.146 } as const;
export const MOUTH = { y: -0.42, halfWidth: 0.165, lipRadius: 0.027 } as const;
export const NOSE = { y: -0.16, height: 0.16, width: 0.085, depth: 0.11 } as const;
export const BROW = { y: 0.26, inner: 0.1, outer: 0.41 } as const;

/** How far the jaw drops at full weight of each mouth shape (drives the chin as well as the lip). */
export const MOUTH_SHAPES = [
  'jawOpen',
  'aa',
  'ih',
  'ou',
  'ee',
  'oh',
  'mouthPress',
  'smile',
  'frown',
] as const;
export const MORPH_NAMES = [
  ...MOUTH_SHAPES,
  'blinkLeft',
  'blinkRight',
  'browUp',
  'browDown',
  'browInnerUp',
  'eyeLookLeft',
  'eyeLookRight',
  'eyeLookUp',
  'eyeLookDown',
] as const;
export type MorphName = (typeof MORPH_NAMES)[number];
export type MouthShape = (typeof MOUTH_SHAPES)[number];

/** sRGB hex to the linear RGB three.js expects in vertex colours. */
export function srgb(hex: number): Rgb {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return [lin((hex >> 16) & 0xff), lin((hex >> 8) & 0xff), lin(hex & 0xff)];
}

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export const PALETTE = {
  skin: srgb(0xf0c6a4),
  blush: srgb(0xe9a58f),
  hair: srgb(0x3a2a22),
  brow: srgb(0x33241d),
  eyeWhite: srgb(0xf6f4ef),
  iris: srgb(0x5a3b26),
  pupil: srgb(0x15100d),
  lash: srgb(0x2a1d18),
  lip: srgb(0xc6776d),
  mouthInside: srgb(0x5b2428),
  tongue: srgb(0xa9545a),
  suit: srgb(0x1d3557),
  shirt: srgb(0xf4f6f8),
  scarf: srgb(0xc9a227),
} as const;

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

export function gauss(dx: number, dy: number, sx: number, sy: number): number {
  return Math.exp(-((dx / sx) ** 2) - (dy / sy) ** 2);
}

/** Forward depth of the face surface at (x, y), ignoring the small bumps: where features sit. */
export function faceZ(x: number, y: number): number {
  const q = 1 - (x / HEAD.rx) ** 2 - (y / (y < 0 ? HEAD.ry * HEAD.chin : HEAD.ry)) ** 2;
  return HEAD.rz * Math.sqrt(Math.max(0, q)) + noseBump(x, y) - socketDip(x, y);
}

export function noseBump(x: number, y: number): number {
  // A soft ridge from between the eyes down to the tip, widest and deepest at the tip.
  const tip = NOSE.depth * gauss(x, y - NOSE.y, NOSE.width, NOSE.height * 0.55);
  const bridge = NOSE.depth * 0.35 * gauss(x, y - (NOSE.y + 0.14), NOSE.width * 0.55, NOSE.height);
  return Math.max(tip, bridge);
}

export function socketDip(x: number, y: number): number {
  return 0.045 * (gauss(x - EYE.x, y - EYE.y, 0.16, 0.12) + gauss(x + EYE.x, y - EYE.y, 0.16, 0.12));
}

/** Rotates `p` about `c` around the y axis (yaw) then the x axis (pitch), in radians. */
export function rotateAbout(p: Vec3, c: Vec3, yaw: number, pitch: number): Vec3 {
  let x = p[0] - c[0];
  let y = p[1] - c[1];
  let z = p[2] - c[2];
  const x1 = x * Math.cos(yaw) + z * Math.sin(yaw);
  const z1 = -x * Math.sin(yaw) + z * Math.cos(yaw);
  x = x1;
  z = z1;
  const y2 = y * Math.cos(pitch) + z * Math.sin(pitch);
  const z2 = -y * Math.sin(pitch) + z * Math.cos(pitch);
  y = y2;
  z = z2;
  return [x + c[0], y + c[1], z + c[2]];
}

export function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
