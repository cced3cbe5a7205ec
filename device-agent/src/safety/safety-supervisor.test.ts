import { describe, expect, it } from 'vitest';
import { SafetySupervisor } from './safety-supervisor.ts';
import { availabilityOf } from './availability.ts';

const clear = { estopPressed: false, presence: false, doorOpen: false };
const make = (initial = clear) => new SafetySupervisor({ presenceClearMs: 1000 }, initial);

describe('SafetySupervisor', () => {
  it('starts READY with clear inputs and ESTOP when the button is found pressed', () => {
    expect(make().state()).toBe('READY');
    expect(make({ ...clear, estopPressed: true }).state()).toBe('ESTOP');
  });

  it('halts category 0 first on an e-stop press, latches, and records the cause', () => {
    const s = make();
    s.handle({ type: 'motion', moving: true }, 1);
    const step = s.handle({ type: 'estop', pressed: true }, 2);
    expect(step.actions[0]).toEqual({ type: 'halt', category: 0 });
    expect(step.transition).toEqual({ from: 'MOVING', to: 'ESTOP', cause: 'estop_pressed', at: 2 });
    // Releasing the button does not leave ESTOP.
    expect(s.handle({ type: 'estop', pressed: false }, 3).transition).toBeUndefined();
    expect(s.state()).toBe('ESTOP');
    expect(s.mayMove()).toBe(false);
  });

  it('refuses a reset while the button is pressed and accepts it after release', () => {
    const s = make();
    s.handle({ type: 'estop', pressed: true }, 1);
    expect(s.handle({ type: 'reset', by: 'tech' }, 2).refused).toMatch(/still pressed/);
    expect(s.state()).toBe('ESTOP');
    s.handle({ type: 'estop', pressed: false }, 3);
    const step = s.handle({ type: 'reset', by: 'tech' }, 4);
    expect(step.refused).toBeUndefined();
    expect(step.transition).toMatchObject({ from: 'ESTOP', to: 'READY', cause: 'technician_reset:tech' });
    expect(step.actions).toContainEqual({ type: 'resume' });
  });

  it('refuses a reset when there is nothing to reset', () => {
    expect(make().handle({ type: 'reset', by: 't' }, 1).refused).toMatch(/nothing to reset/);
  });

  it('pauses motion on presence and resumes only after the zone stayed clear for presenceClearMs', () => {
    const s = make();
    s.handle({ type: 'motion', moving: true }, 0);
    const enter = s.handle({ type: 'presence', present: true }, 10);
    expect(enter.transition?.to).toBe('PROTECTIVE_STOP');
    expect(enter.actions).toEqual([{ type: 'halt', category: 2 }]);
    const left = s.handle({ type: 'presence', present: false }, 100);
    expect(left.actions).toEqual([{ type: 'wakeAt', at: 1100 }]);
    expect(s.state()).toBe('PROTECTIVE_STOP');
    // A person stepping back in restarts the wait.
    s.handle({ type: 'presence', present: true }, 500);
    s.handle({ type: 'presence', present: false }, 600);
    expect(s.handle({ type: 'tick' }, 1100).actions).toEqual([{ type: 'wakeAt', at: 1600 }]);
    expect(s.state()).toBe('PROTECTIVE_STOP');
    const resumed = s.handle({ type: 'tick' }, 1600);
    expect(resumed.transition).toMatchObject({ from: 'PROTECTIVE_STOP', to: 'READY' });
    expect(resumed.actions).toEqual([{ type: 'resume' }]);
  });

  it('enters MAINTENANCE while the door is open, stopping motion, and returns without resuming', () => {
    const s = make();
    s.handle({ type: 'motion', moving: true }, 0);
    const open = s.handle({ type: 'door', open: true }, 1);
    expect(open.transition?.to).toBe('MAINTENANCE');
    expect(open.actions).toEqual([{ type: 'halt', category: 2 }]);
    const closed = s.handle({ type: 'door', open: false }, 2);
    expect(closed.transition).toMatchObject({ from: 'MAINTENANCE', to: 'READY', cause: 'door_closed' });
    expect(closed.actions).toEqual([]);
  });

  it('latches FAULT on an arm fault, halts category 1, and resets only once the arm is clear', () => {
    const s = make();
    const f = s.handle({ type: 'armFaults', faults: ['stall:2'] }, 1);
    expect(f.transition).toMatchObject({ to: 'FAULT', cause: 'arm_fault:stall:2' });
    expect(f.actions).toEqual([{ type: 'halt', category: 1 }]);
    expect(s.handle({ type: 'reset', by: 't' }, 2).refused).toMatch(/stall:2/);
    s.handle({ type: 'armFaults', faults: [] }, 3);
    expect(s.state()).toBe('FAULT');
    expect(s.handle({ type: 'reset', by: 't' }, 4).transition?.to).toBe('READY');
  });

  it('does not latch FAULT for a watchdog halt (a link fault), but does when a device fault comes with it', () => {
    const s = make();
    expect(s.handle({ type: 'armFaults', faults: ['watchdog'] }, 1)).toEqual({ actions: [] });
    expect(s.state()).toBe('READY');
    expect(s.handle({ type: 'armFaults', faults: ['watchdog', 'overtemp:1'] }, 2).transition).toMatchObject({
      to: 'FAULT',
      cause: 'arm_fault:overtemp:1',
    });
  });

  it('lets ESTOP win over every other condition', () => {
    const s = make();
    s.handle({ type: 'door', open: true }, 1);
    s.handle({ type: 'presence', present: true }, 2);
    expect(s.handle({ type: 'estop', pressed: true }, 3).transition).toMatchObject({
      from: 'MAINTENANCE',
      to: 'ESTOP',
    });
    s.handle({ type: 'estop', pressed: false }, 4);
    expect(s.handle({ type: 'reset', by: 't' }, 5).transition?.to).toBe('MAINTENANCE');
  });
});

describe('availabilityOf', () => {
  it('is unavailable in ESTOP, FAULT and with the link down, available otherwise', () => {
    expect(availabilityOf('ESTOP', true)).toEqual({
      available: false,
      reason: 'estop',
      safetyState: 'ESTOP',
    });
    expect(availabilityOf('FAULT', true).available).toBe(false);
    expect(availabilityOf('READY', false)).toEqual({
      available: false,
      reason: 'link_down',
      safetyState: 'READY',
    });
    expect(availabilityOf('PROTECTIVE_STOP', true).available).toBe(true);
    expect(availabilityOf('MAINTENANCE', true)).toEqual({ available: true, safetyState: 'MAINTENANCE' });
  });
  it('permits runbooks in READY only and jog also in MAINTENANCE, always at the reduced speed', () => {
    const s = make();
    expect(s.permit('runbook')).toEqual({ ok: true, maxToolSpeedMmS: null });
    expect(s.permit('jog')).toEqual({ ok: true, maxToolSpeedMmS: 250 });
    s.handle({ type: 'door', open: true }, 1);
    expect(s.permit('runbook').ok).toBe(false);
    expect(s.permit('jog')).toEqual({ ok: true, maxToolSpeedMmS: 250 });
    s.handle({ type: 'presence', present: true }, 2);
    s.handle({ type: 'door', open: false }, 3);
    expect(s.state()).toBe('PROTECTIVE_STOP');
    expect(s.permit('jog').ok).toBe(false);
    s.handle({ type: 'estop', pressed: true }, 4);
    expect(s.permit('runbook')).toMatchObject({ ok: false, reason: expect.stringMatching(/ESTOP/) });
    expect(s.permit('jog').ok).toBe(false);
  });
});
