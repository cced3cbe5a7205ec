// What the G-code firmware's answers mean for the ArmController: the `$I` build info, the `?` status
// report (state mapping, telemetry), `error:N` as an ArmError code, and the host-side self-test.
import type { ArmErrorCode, ArmStatus, FirmwareInfo, SelfTestResult, Telemetry } from './arm-controller.ts';
import type { FirmwareView } from './base-controller.ts';
import { GcodeError, type StatusReport } from '../protocol/gcode.ts';

/** Firmware identity from the `[VER:..]` / `[CAP:..]` messages before `$I`'s ok; `joints` when reported. */
export function firmwareFromBuildInfo(info: string[]): { firmware: FirmwareInfo; joints: number | null } {
  const ver = info.find((s) => s.startsWith('VER:')) ?? 'VER:unknown';
  const cap = info.find((s) => s.startsWith('CAP:'))?.slice(4) ?? '';
  const joints = /joints:(\d+)/.exec(cap)?.[1];
  return {
    firmware: {
      firmwareId: ver.split(':').slice(2).join(':') || ver.slice(4),
      protocolVersion: 1,
      capabilities: cap ? cap.split(',') : [],
    },
    joints: joints === undefined ? null : Number(joints),
  };
}

/** The arm state a status report implies; fields the report lacks keep their current values. */
export function viewFromReport(r: StatusReport, current: ArmStatus, jointCount: number): FirmwareView {
  const faults = r.faults;
  const homed = r.homed ?? current.homed;
  let state = current.state;
  if (r.state === 'Alarm')
    state = faults.some((f) => f !== 'watchdog') ? 'fault' : homed ? 'halted' : 'unhomed';
  else if (r.state === 'Hold') state = 'halted';
  else if (r.state === 'Run' || r.state === 'Home' || r.state === 'Jog') state = 'moving';
  else if (r.state === 'Idle') state = homed ? 'idle' : 'unhomed';
  return {
    state,
    homed,
    faults,
    ...(r.mpos.length === jointCount ? { joints: r.mpos } : {}),
    ...(r.gripper !== null ? { gripper: r.gripper } : {}),
  };
}

export function telemetryFromReport(r: StatusReport, nowMs: number): Telemetry {
  return {
    t: r.t ?? Math.round(nowMs),
    positions: r.mpos,
    velocities: r.velocities,
    currents: r.currents,
    temperatures: r.temperatures,
    faults: r.faults,
  };
}

/** The host's checks: link, homing, faults, and each motor's temperature from the latest report. */
export function selfTestChecks(current: ArmStatus, r: StatusReport | null): SelfTestResult['checks'] {
  return [
    { name: 'link', ok: current.link === 'up', detail: `link ${current.link}` },
    {
      name: 'homed',
      ok: current.homed,
      detail: current.homed ? 'arm is homed' : 'arm is not homed',
    },
    {
      name: 'faults',
      ok: current.faults.length === 0,
      detail: current.faults.join(',') || 'none',
    },
    ...(r?.temperatures ?? []).map((t, i) => ({
      name: `temperature:${i}`,
      ok: t < 70,
      detail: `${t.toFixed(1)} C`,
    })),
  ];
}

/** GRBL's `error:N` as the ArmError code a caller acts on. */
export function errorCodeFor(n: number): ArmErrorCode {
  if (n === GcodeError.TRAVEL_EXCEEDED) return 'out_of_limits';
  if (n === GcodeError.SYSTEM_GC_LOCK) return 'halted';
  return 'rejected';
}
