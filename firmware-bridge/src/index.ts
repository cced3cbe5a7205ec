// Public entry of firmware-bridge. Other parts import only from here.
export * from './arm/arm-controller.ts';
export { openArm, type OpenArmOptions } from './arm/open-arm.ts';
export { BinaryArmController, type BinaryDriverOptions } from './arm/binary-driver.ts';
export { GcodeArmController, type GcodeDriverOptions } from './arm/gcode-driver.ts';
export { SerialTransport } from './transport/serial.ts';
export {
  Backoff,
  backoffCeiling,
  backoffDelay,
  checkBackoffPolicy,
  type BackoffPolicy,
  type Jitter,
} from './retry/backoff.ts';
export type { ByteTransport } from './transport/byte-transport.ts';
export { LoopbackTransport, type LoopbackOptions } from './transport/loopback.ts';
export {
  startSimulatorProcess,
  SimulatorControl,
  SIM_BIN,
  type SimulatorProcess,
  type StartSimulatorOptions,
} from './sim/process.ts';
export type { Fault, HaltRecord, SimulatorState } from './sim/control-types.ts';
export { FAULT_KINDS } from './sim/control-types.ts';
export {
  FIXTURES,
  fixtures,
  DEFAULT_LIMITS,
  HOME_POSE,
  homePose,
  limitsForJoints,
  forwardKinematics,
  inverseKinematics,
  type FixtureDef,
  type Point3,
} from './protocol/kinematics.ts';
export type { Logger } from './logger.ts';
export * as protocol from './protocol/index.ts';
