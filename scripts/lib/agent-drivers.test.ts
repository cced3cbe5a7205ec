import { AgentOptionsSchema } from '@branch/device-agent';
import { describe, expect, it } from 'vitest';
import { agentDrivers } from './agent-drivers.ts';
import { DEFAULT_CONFIG } from './config-schema.ts';

const base = {
  dataDir: '/tmp/agent',
  kioskId: 'kiosk-1',
  hub: { url: 'http://127.0.0.1:7100', token: 'kiosk-token' },
  cardKey: '00'.repeat(32),
  arm: { dialect: 'binary' as const, path: '/dev/branch-arm' },
  // The form hashTechnicianPin() gives (its value does not matter to the options' check).
  technician: { pinHash: 'scrypt$16384$8$1$c2FsdA$aGFzaA' },
};

describe('agentDrivers', () => {
  it('hardware mode: the HID card reader and the onoff GPIO of the config, accepted by the agent', () => {
    const drivers = agentDrivers({
      mode: 'hardware',
      cardReader: { vendorId: 0x0801, productId: 0x0002, report: 'magtek' },
      gpio: { chip: 'pinctrl-rp1', pins: { ...DEFAULT_CONFIG.gpio.pins, estop: 4 } },
    });
    expect(drivers).toEqual({
      cardReader: { kind: 'hid', vendorId: 0x0801, productId: 0x0002, report: 'magtek' },
      gpio: { kind: 'onoff', chip: 'pinctrl-rp1', pins: { ...DEFAULT_CONFIG.gpio.pins, estop: 4 } },
    });
    const parsed = AgentOptionsSchema.safeParse({ ...base, mode: 'hardware', ...drivers });
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('hardware mode without a chip leaves the Raspberry Pi default; simulation names no drivers', () => {
    expect(
      agentDrivers({ mode: 'hardware', cardReader: DEFAULT_CONFIG.cardReader, gpio: DEFAULT_CONFIG.gpio })
        .gpio,
    ).toEqual({
      kind: 'onoff',
      pins: DEFAULT_CONFIG.gpio.pins,
    });
    expect(
      agentDrivers({ mode: 'simulation', cardReader: DEFAULT_CONFIG.cardReader, gpio: DEFAULT_CONFIG.gpio }),
    ).toEqual({});
  });
});
