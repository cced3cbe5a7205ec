// The technician console in Chromium against real parts: the firmware simulator on a pty, the hub on
// SQLite and the device-agent serving kiosk-ui/dist on its technician listener. Sign in, watch the
// telemetry charts, run a runbook to completion with the progress bar, jog hold-to-run, and build a
// diagnostic bundle. Screenshots go to test-output/tech/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ARTICLES, startHub, type RunningHub } from '@branch/cloud-sync';
import { hashTechnicianPin, startAgent, type RunningAgent } from '@branch/device-agent';
import { startSimulatorProcess, type SimulatorProcess } from '@branch/firmware-bridge';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';

const PIN = '246810';
const shots = join(repoRoot, 'test-output', 'tech');
let dir: string;
let sim: SimulatorProcess;
let hub: RunningHub;
let agent: RunningAgent;
let browser: Browser;
let page: Page;
let step = 0;

async function shot(name: string): Promise<void> {
  step += 1;
  await page.screenshot({
    path: join(shots, `${String(step).padStart(2, '0')}-${name}.png`),
    fullPage: true,
  });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'tech-console-'));
  sim = await startSimulatorProcess({ dialect: 'binary', stderr: 'ignore' });
  const token = 'tech-ui-kiosk-token-0123456789abcdef';
  hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(dir, 'hub'),
    seed: { kiosks: [{ id: 'kiosk-tech', token }], articles: DEFAULT_ARTICLES },
    passwordIterations: 1000,
  });
  agent = await startAgent({
    port: 0,
    dataDir: join(dir, 'agent'),
    staticDir: join(repoRoot, 'kiosk-ui', 'dist'),
    kioskId: 'kiosk-tech',
    hub: { url: hub.url, token },
    cardKey: 'ef'.repeat(32),
    arm: { dialect: 'binary', path: sim.port },
    technician: { pinHash: await hashTechnicianPin(PIN, { N: 1024, r: 8, p: 1 }), port: 0 },
    deviceStatus: { kind: 'simulator', url: sim.control.url },
    logger: { level: 'warn', file: join(dir, 'agent.log') },
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await agent?.close();
  await hub?.close();
  await sim?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('technician console', () => {
  it('is served on the technician listener only, and signs in with the PIN', async () => {
    expect((await fetch(`${agent.url}/tech`)).status).toBe(404);
    await page.goto(`${agent.techUrl}/tech`);
    await page.getByTestId('tech-pin').fill('111111');
    await page.getByTestId('tech-signin-submit').click();
    await expect.poll(() => page.getByTestId('tech-signin-error').textContent()).toMatch(/Wrong PIN/);
    await shot('signin-wrong-pin');
    await page.getByTestId('tech-pin').fill(PIN);
    await page.getByTestId('tech-signin-submit').click();
    await page.getByTestId('tech-console').waitFor({ state: 'visible' });
    await expect.poll(() => page.getByTestId('tech-safety').textContent(), { timeout: 15_000 }).toBe('READY');
    await expect
      .poll(() => page.locator('[data-device="arm"] td').nth(1).textContent(), { timeout: 10_000 })
      .toMatch(/protocol/);
  });

  it('draws live telemetry on the charts', async () => {
    await expect
      .poll(async () => Number(await page.getByTestId('tech-tool').getAttribute('data-samples')), {
        timeout: 10_000,
      })
      .toBeGreaterThan(20);
    await shot('console-telemetry');
  });

  it('runs a runbook to completion with the progress bar', async () => {
    await sim.control.inject({ kind: 'fixture', name: 'printer.resetButton', state: 'fault' });
    await page.getByTestId('tech-run-printer-reset').click();
    const bar = page.getByTestId('tech-run-progress');
    const seen = new Set<string>();
    let midShot = false;
    await expect
      .poll(
        async () => {
          const status = await bar.getAttribute('data-status');
          seen.add(`${await bar.getAttribute('value')}/${await bar.getAttribute('max')}`);
          if (status === 'running' && !midShot) {
            midShot = true;
            await shot('runbook-running');
          }
          return status;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe('succeeded');
    expect(await bar.evaluate((b: HTMLProgressElement) => [b.value, b.max])).toEqual([5, 5]);
    // The bar moved through intermediate steps.
    expect([...seen].filter((s) => /^[1-4]\/5$/.test(s)).length).toBeGreaterThan(0);
    expect((await sim.control.fixtures())['printer.resetButton']?.state).toBe('ok');
    await shot('runbook-done');
  });

  it('jogs only while the button is held', async () => {
    const btn = page.getByTestId('tech-jog-zminus');
    const box = await btn.boundingBox();
    if (!box) throw new Error('no jog button');
    const z0 = (await sim.control.state()).arm.tool.z;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await expect
      .poll(async () => (await sim.control.state()).arm.tool.z, { timeout: 5000, interval: 50 })
      .toBeLessThan(z0 - 10);
    await expect.poll(() => page.getByTestId('tech-jog-state').textContent()).toMatch(/moving at 250 mm\/s/);
    await shot('jog-held');
    await page.mouse.up();
    await expect
      .poll(() => page.getByTestId('tech-jog-state').textContent(), { timeout: 5000 })
      .toMatch(/stopped/);
    await expect.poll(async () => (await sim.control.state()).arm.moving, { timeout: 5000 }).toBe(false);
    const zStop = (await sim.control.state()).arm.tool.z;
    await page.waitForTimeout(300);
    expect((await sim.control.state()).arm.tool.z).toBeCloseTo(zStop, 0);
  });

  it('builds a diagnostic bundle with progress and downloads it', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('tech-bundle').click();
    await expect
      .poll(() => page.getByTestId('tech-bundle-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('ready');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^diagnostic-.*\.json$/);
    await page.getByTestId('tech-history-refresh').click();
    await expect
      .poll(() => page.getByTestId('tech-history').textContent())
      .toMatch(/printer-reset: succeeded/);
    await shot('bundle-history');
  });

  it('switches to Chinese in place, signed in, labels and live status alike', async () => {
    await page.getByTestId('lang-switch').selectOption('zh-CN');
    await expect.poll(() => page.locator('.tech-head h1').textContent()).toBe('技术员控制台');
    expect(await page.getByTestId('tech-run-printer-reset').textContent()).toBe('运行');
    // The live status is re-rendered in Chinese with its next message.
    await expect.poll(() => page.getByTestId('tech-status').textContent()).toContain('急停');
    expect(await page.getByTestId('tech-status-estop').textContent()).toBe('已松开');
    await shot('console-zh');
    await page.getByTestId('lang-switch').selectOption('en');
    await expect.poll(() => page.getByTestId('tech-status-estop').textContent()).toBe('released');
  });
});
