// Whether the firmware must be told to resume before it takes a motion: after a halt (ours or the
// supervisor's, already lifted) or a watchdog trip on a lost link. A device fault is never resumed here.
import type { ArmStatus } from '@branch/firmware-bridge';
import { LINK_FAULTS } from '../safety/safety-supervisor.ts';

export function needsResume(s: ArmStatus): boolean {
  if (s.state === 'halted') return true;
  return s.state === 'fault' && s.faults.length > 0 && s.faults.every((f) => LINK_FAULTS.has(f));
}
