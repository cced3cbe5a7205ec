// Hardware mode from the configuration on a machine without the devices: the launcher and the agent
// service started on its own (as systemd does) both refuse to start, with one line per missing device
// naming its config key, and neither starts the simulator (or anything else) in their place.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** A config naming a serial port, a gpiochip and a card reader that this machine does not have. */
function hardwareConfig(): { file: string; dataDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'branch-hw-'));
  const dataDir = join(dir, 'data');
  const file = join(dir, 'kiosk.config.json');
  writeFileSync(
    file,
    JSON.stringify({
      dataDir,
      hub: { port: 0 },
      agent: { port: 0, mode: 'hardware' },
      arm: { port: '/dev/ttyNoSuchArm' },
      gpio: { chip: 'pinctrl-rp1' },
      cardReader: { vendorId: 0x0801, productId: 0x0002 },
    }),
  );
  return { file, dataDir };
}

function run(script: string, env: Record<string, string>): { code: number | null; out: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

function expectMissingDevices(out: string): void {
  expect(out).toMatch(/hardware mode: arm\.port: \/dev\/ttyNoSuchArm: no such serial device/);
  expect(out).toMatch(/hardware mode: gpio\.chip: gpiochip 'pinctrl-rp1': /);
  expect(out).toMatch(/hardware mode: cardReader\.vendorId\/productId: USB HID card reader 0801:0002: /);
  expect(out.match(/hardware mode: /g)).toHaveLength(3);
  expect(out).not.toMatch(/^\s+at /m);
}

describe('hardware mode without the hardware', () => {
  it('the launcher names every missing device and starts nothing, no simulator', () => {
    const { file, dataDir } = hardwareConfig();
    const { code, out } = run('scripts/branch.ts', { KIOSK_CONFIG: file });
    expect(code).toBe(1);
    expectMissingDevices(out);
    expect(out).not.toMatch(/\bsim\b|simulator|Simulation panel|ready/i);
    // Nothing ran: no hub store, no agent store, no runtime file.
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    expect(readdirSync(dataDir).filter((f) => f !== 'secrets.json')).toEqual([]);
  });

  it('KIOSK_AGENT_MODE=hardware does the same over a simulation config', () => {
    const { file, dataDir } = hardwareConfig();
    writeFileSync(
      file,
      JSON.stringify({
        dataDir,
        hub: { port: 0 },
        agent: { port: 0 },
        arm: { port: '/dev/ttyNoSuchArm' },
        gpio: { chip: 'pinctrl-rp1' },
        cardReader: { vendorId: 0x0801, productId: 0x0002 },
      }),
    );
    const { code, out } = run('scripts/branch.ts', { KIOSK_CONFIG: file, KIOSK_AGENT_MODE: 'hardware' });
    expect(code).toBe(1);
    expectMissingDevices(out);
    expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
  });

  it('the agent service started on its own (systemd) refuses the same way', () => {
    const { file, dataDir } = hardwareConfig();
    const { code, out } = run('scripts/services/agent.ts', { KIOSK_CONFIG: file });
    expect(code).toBe(1);
    expectMissingDevices(out);
    expect(existsSync(join(dataDir, 'agent'))).toBe(false);
  });
});
