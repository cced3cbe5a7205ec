// The one interface every arm driver implements (binary protocol, G-code line dialect).
// device-agent and its runbooks talk only to this, never to a dialect directly.

/** Limits of one joint, in degrees, degrees/s and degrees/s². */
export interface JointLimit {
  name: string;
  min: number;
  max: number;
  maxVelocity: number;
  maxAcceleration: number;
}

export interface ArmLimits {
  joints: JointLimit[];
  /** Highest Cartesian speed the driver will command at the tool, mm/s. */
  maxToolSpeedMmS: number;
  /** Axis-aligned workspace box in mm, in the arm's base frame. */
  workspace: { min: [number, number, number]; max: [number, number, number] };
  /** Gripper opening range, 0 (closed) .. 1 (open). */
  gripper: { min: number; max: number };
}

/** Category 0: immediate stop, power off; 1: controlled stop then power off; 2: controlled stop, power kept. */
export type HaltCategory = 0 | 1 | 2;

export type LinkState = 'connecting' | 'up' | 'degraded' | 'down';

export type ArmState = 'disconnected' | 'unhomed' | 'idle' | 'moving' | 'halted' | 'fault';

export interface FirmwareInfo {
  firmwareId: string;
  protocolVersion: number;
  capabilities: string[];
}

export interface ArmStatus {
  state: ArmState;
  link: LinkState;
  homed: boolean;
  /** Joint positions, degrees. */
  joints: number[];
  gripper: number;
  /** Active fault names, e.g. 'stall:2', 'overtemp:1', 'watchdog'. */
  faults: string[];
  firmware: FirmwareInfo | null;
}

export interface Telemetry {
  /** Firmware time, ms. */
  t: number;
  positions: number[];
  velocities: number[];
  currents: number[];
  temperatures: number[];
  faults: string[];
}

export interface SelfTestResult {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

export interface MoveOptions {
  /** Fraction of each joint's velocity limit, 0 < s <= 1. */
  speedScale?: number;
}

export interface CartesianMoveOptions {
  /** Tool speed cap for this move, mm/s; refused if above the arm's limit. */
  speedMmS: number;
}

export type ArmEvent =
  | { type: 'status'; status: ArmStatus }
  | { type: 'telemetry'; telemetry: Telemetry }
  | { type: 'link'; state: LinkState; reason?: string };

export interface ArmController {
  /** Opens the transport and completes the HELLO handshake; resolves once the link is up. */
  connect(): Promise<void>;
  close(): Promise<void>;
  home(): Promise<void>;
  /** Resolves when the motion has finished; rejects with ArmError on refusal, fault or halt. */
  moveJoints(targets: number[], options?: MoveOptions): Promise<void>;
  moveTo(target: { x: number; y: number; z: number }, options: CartesianMoveOptions): Promise<void>;
  /** 0 closed .. 1 open. */
  gripper(opening: number): Promise<void>;
  /** Bypasses every queue; resolves when the firmware acknowledged the halt. */
  halt(category: HaltCategory): Promise<void>;
  resume(): Promise<void>;
  status(): ArmStatus;
  selfTest(): Promise<SelfTestResult>;
  limits(): ArmLimits;
  /** Subscribes to status, telemetry and link events; returns the unsubscribe function. */
  on(listener: (event: ArmEvent) => void): () => void;
}

export type ArmErrorCode =
  'link_down' | 'timeout' | 'out_of_limits' | 'halted' | 'fault' | 'not_homed' | 'rejected' | 'closed';

export class ArmError extends Error {
  constructor(
    readonly code: ArmErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArmError';
  }
}
