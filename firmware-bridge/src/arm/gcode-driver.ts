// ArmController over a GRBL-style G-code line dialect (step 2).
import { ArmError, type HaltCategory, type SelfTestResult } from './arm-controller.ts';
import { BaseArmController, type DriverOptions } from './base-controller.ts';
import type { ByteTransport } from '../transport/serial.ts';

export interface GcodeDriverOptions extends DriverOptions {
  connectTimeoutMs?: number;
}

export class GcodeArmController extends BaseArmController {
  constructor(
    private readonly transport: ByteTransport,
    opts: GcodeDriverOptions = {},
  ) {
    super(opts);
  }
  connect(): Promise<void> {
    return Promise.reject(new ArmError('rejected', 'gcode dialect not implemented yet'));
  }
  async close(): Promise<void> {
    await this.transport.stop();
  }
  home(): Promise<void> {
    return Promise.reject(new ArmError('link_down', 'not connected'));
  }
  gripper(_o: number): Promise<void> {
    return Promise.reject(new ArmError('link_down', 'not connected'));
  }
  halt(_c: HaltCategory): Promise<void> {
    return Promise.reject(new ArmError('link_down', 'not connected'));
  }
  resume(): Promise<void> {
    return Promise.reject(new ArmError('link_down', 'not connected'));
  }
  selfTest(): Promise<SelfTestResult> {
    return Promise.reject(new ArmError('link_down', 'not connected'));
  }
  protected sendMove(): Promise<void> {
    return Promise.reject(new ArmError('link_down', 'not connected'));
  }
}
