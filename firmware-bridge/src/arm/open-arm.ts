// openArm: the one way other parts get an ArmController for a real tty or the simulator's pty.
import type { ArmController, ArmLimits } from './arm-controller.ts';
import { BinaryArmController, type BinaryDriverOptions } from './binary-driver.ts';
import { GcodeArmController, type GcodeDriverOptions } from './gcode-driver.ts';
import { SerialTransport } from '../transport/serial.ts';
import { silentLogger, type Logger } from '../logger.ts';

export interface OpenArmOptions {
  dialect: 'binary' | 'gcode';
  /** /dev/ttyUSB0, or the `port` the simulator printed. */
  path: string;
  baudRate?: number;
  logger?: Logger;
  limits?: ArmLimits;
  /** Binary dialect: heartbeat period, ms (default 50). */
  heartbeatMs?: number;
  connectTimeoutMs?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  binary?: Omit<BinaryDriverOptions, 'logger' | 'limits'>;
  gcode?: Omit<GcodeDriverOptions, 'logger' | 'limits'>;
}

export function openArm(options: OpenArmOptions): ArmController {
  const logger = options.logger ?? silentLogger;
  const transport = new SerialTransport({
    path: options.path,
    baudRate: options.baudRate ?? 115200,
    logger,
    backoffMinMs: options.backoffMinMs,
    backoffMaxMs: options.backoffMaxMs,
  });
  const common = { logger, limits: options.limits, connectTimeoutMs: options.connectTimeoutMs };
  if (options.dialect === 'gcode') return new GcodeArmController(transport, { ...common, ...options.gcode });
  return new BinaryArmController(transport, {
    ...common,
    heartbeatMs: options.heartbeatMs,
    ...options.binary,
  });
}
