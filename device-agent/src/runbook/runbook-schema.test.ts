import { FIXTURES } from '@branch/firmware-bridge';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RUNBOOKS } from './builtin-runbooks.ts';
import { loadRunbooks } from './runbook-schema.ts';

const known = new Set(Object.keys(FIXTURES));

describe('runbooks as data', () => {
  it('loads the four shipped runbooks with defaults filled in', () => {
    const rbs = loadRunbooks(BUILTIN_RUNBOOKS, known);
    expect(rbs.map((r) => r.id)).toEqual([
      'printer-reset',
      'card-slot-reseat',
      'touchscreen-recalibrate',
      'printer-door-close',
    ]);
    for (const rb of rbs)
      for (const s of rb.steps) {
        expect(s.timeoutMs).toBeGreaterThanOrEqual(100);
        expect(s.retries).toBeGreaterThanOrEqual(0);
      }
  });

  it('refuses an unknown fixture, a duplicate id, a bad step and a missing field, naming the runbook', () => {
    const base = BUILTIN_RUNBOOKS[0] as Record<string, unknown>;
    const typo = {
      ...base,
      id: 'typo',
      steps: [{ kind: 'press', label: 'Press', fixture: 'printer.resetButon' }],
    };
    expect(() => loadRunbooks([typo], known)).toThrow(/runbook typo.*unknown fixture printer\.resetButon/);
    expect(() => loadRunbooks([base, base], known)).toThrow(/duplicate id/);
    const badStep = { ...base, id: 'bad-step', steps: [{ kind: 'teleport', label: 'x' }] };
    expect(() => loadRunbooks([badStep], known)).toThrow(/runbook bad-step/);
    const noTimeout = { ...base, id: 'short', steps: [{ kind: 'home', label: 'h', timeoutMs: 5 }] };
    expect(() => loadRunbooks([noTimeout], known)).toThrow(/timeoutMs/);
    const { device: _d, ...noDevice } = base;
    expect(() => loadRunbooks([{ ...noDevice, id: 'nodev' }], known)).toThrow(/device/);
  });
});
