// The ranges a fault injected over the control channel must keep to; out of range is the caller's
// mistake and answered as such, never applied.
export function jointIn(j: number, joints: number): number {
  if (!Number.isInteger(j) || j < 0 || j >= joints) throw new Error(`joint must be 0..${joints - 1}`);
  return j;
}

export function rateIn(r: number): number {
  if (!(r >= 0 && r <= 1)) throw new Error('rate must be 0..1');
  return r;
}

export function msIn(ms: number, max: number): number {
  if (!(ms >= 0 && ms <= max)) throw new Error(`ms must be 0..${max}`);
  return ms;
}
