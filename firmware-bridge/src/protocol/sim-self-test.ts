// The simulated arm's self-test, as a runbook or technician reads it: homed, faults, each joint's
// temperature and each stalled motor. Pure: it reads a snapshot of the arm.
export interface SelfTestInput {
  homed: boolean;
  faults: ReadonlySet<string>;
  temperatures: readonly number[];
  stalled: ReadonlySet<number>;
}

export interface SelfTestResult {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

/** `h<homed 0|1>;f<faults or ->;t<temperatures, comma separated>;s<stalled joints or ->`: short enough
 * to survive a noisy line (a long frame rarely does). */
export function compactSelfTest(a: SelfTestInput): string {
  const faults = [...a.faults].join(',') || '-';
  const stalled = [...a.stalled].join(',') || '-';
  return `h${a.homed ? 1 : 0};f${faults};t${a.temperatures.map((t) => t.toFixed(1)).join(',')};s${stalled}`;
}

/** Each check passes or says why; a joint within 10 C of the over-temperature trip fails. */
export function selfTestChecks(a: SelfTestInput, overtempTripC: number): SelfTestResult {
  const checks = [
    { name: 'homed', ok: a.homed, detail: a.homed ? 'arm is homed' : 'arm is not homed' },
    { name: 'faults', ok: a.faults.size === 0, detail: [...a.faults].join(',') || 'none' },
    ...a.temperatures.map((t, i) => ({
      name: `temperature:${i}`,
      ok: t < overtempTripC - 10,
      detail: `${t.toFixed(1)} C`,
    })),
    ...[...a.stalled].map((j) => ({ name: `motor:${j}`, ok: false, detail: 'joint does not follow' })),
  ];
  return { ok: checks.every((c) => c.ok), checks };
}
