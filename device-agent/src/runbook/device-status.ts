// Where a runbook reads a device's state (printer, card slot, touchscreen). Behind an interface: in
// simulation the firmware simulator's fixture states; on a real kiosk a device-status service.
export interface DeviceStatusSource {
  /** Current state of one device or fixture; rejects when it cannot be read. */
  state(device: string): Promise<string>;
}

/** Reads the simulator's fixture states over its control channel (GET /fixtures). */
export class SimulatorDeviceStatus implements DeviceStatusSource {
  constructor(private readonly controlUrl: string) {}

  async state(device: string): Promise<string> {
    const res = await fetch(`${this.controlUrl}/fixtures`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) throw new Error(`device status: simulator answered ${res.status}`);
    const body = (await res.json()) as { fixtures?: Record<string, { state?: unknown }> };
    const s = body.fixtures?.[device]?.state;
    if (typeof s !== 'string') throw new Error(`device status: no device named ${device}`);
    return s;
  }
}

/** Used when no source is configured: every read fails with a message the console can show. */
export class NoDeviceStatus implements DeviceStatusSource {
  state(device: string): Promise<string> {
    return Promise.reject(new Error(`no device status source is configured (needed for ${device})`));
  }
}
