// Types of the simulator's control channel, shared by the simulator and its client.
import type { SimArm } from '../protocol/sim-arm.ts';

export type Fault =
  | { kind: 'stall'; joint: number }
  | { kind: 'overtemp'; joint: number }
  | { kind: 'encoderGlitch'; joint: number }
  | { kind: 'dropBytes'; rate: number }
  | { kind: 'corruptBytes'; rate: number }
  | { kind: 'latency'; ms: number }
  | { kind: 'unplug'; ms: number }
  | { kind: 'fixture'; name: string; state: string };

export const FAULT_KINDS = [
  'stall',
  'overtemp',
  'encoderGlitch',
  'dropBytes',
  'corruptBytes',
  'latency',
  'unplug',
  'fixture',
] as const;

export interface HaltRecord {
  haltId: number;
  category: 0 | 1 | 2;
  /** process.hrtime.bigint() (CLOCK_MONOTONIC, comparable across processes) when the bytes arrived, ns. */
  rxNs: string;
  /** false for a repeat of the same HALT. */
  first: boolean;
}

export interface FirmwareEndpoint {
  readonly arm: SimArm;
  sessionActive: boolean;
  watchdogTrips: number;
  push(bytes: Uint8Array): void;
  tick(): void;
  stats(): Record<string, unknown>;
}

export interface SimulatorState {
  dialect: 'binary' | 'gcode';
  port: string;
  pid: number;
  uptimeMs: number;
  nowNs: string;
  arm: {
    state: string;
    homed: boolean;
    joints: number[];
    velocities: number[];
    currents: number[];
    temperatures: number[];
    gripper: number;
    faults: string[];
    tool: { x: number; y: number; z: number };
    moving: boolean;
  };
  fixtures: Record<string, { state: string; touches: number; lastTouchAt: number | null }>;
  halts: {
    count: number;
    frames: number;
    lastHaltId: number | null;
    lastHaltNs: string | null;
    armHalts: number;
  };
  watchdogTrips: number;
  ticks: { count: number; maxGapMs: number };
  session: boolean;
  link: Record<string, unknown>;
  bytes: { rx: number; tx: number; dropped: number; corrupted: number };
  injections: {
    stalled: number[];
    overtemp: number[];
    dropRate: number;
    corruptRate: number;
    latencyMs: number;
    unplugged: boolean;
    unplugs: number;
  };
}
