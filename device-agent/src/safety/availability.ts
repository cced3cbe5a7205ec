// What the kiosk may offer: the service is unavailable in ESTOP, in FAULT and while the arm link is down.
import type { ServiceAvailability } from '../protocol/messages.ts';
import type { SafetyState } from './safety-supervisor.ts';

export function availabilityOf(state: SafetyState, linkUp: boolean): ServiceAvailability {
  if (state === 'ESTOP') return { available: false, reason: 'estop', safetyState: state };
  if (state === 'FAULT') return { available: false, reason: 'arm_fault', safetyState: state };
  if (!linkUp) return { available: false, reason: 'link_down', safetyState: state };
  if (state === 'PROTECTIVE_STOP') return { available: true, reason: 'protective_stop', safetyState: state };
  return { available: true, safetyState: state };
}

export function sameAvailability(a: ServiceAvailability, b: ServiceAvailability): boolean {
  return a.available === b.available && a.reason === b.reason && a.safetyState === b.safetyState;
}
