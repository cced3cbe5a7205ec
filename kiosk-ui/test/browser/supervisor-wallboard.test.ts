// The supervisor's desk in Chromium against a real hub (SQLite) serving the built console: a scripted
// hour of handoff traffic is played through the hub's real handoff path at 60x (the hub's handoff clock
// set to each step's scripted time), then the wallboard must show the figures this test works out from
// its own script; a quality score entered on a recorded call shows in the per-agent report; the CSV
// export downloads. Screenshots under test-output/supervisor/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHub, type RunningHub } from '@branch/cloud-sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/branch-process.ts';
import { expectedBoard, HOUR_S, scriptHour, type ScriptedCall } from './support/call-script.ts';
import { launchChromium } from './support/chromium.ts';
import { playHour, SignalSocket, syncVisits, type Traffic } from './support/hub-traffic.ts';
import { shooter } from './support/kiosk-page.ts';

const shot = shooter(join(repoRoot, 'test-output', 'supervisor'));
const PASSWORD = 'supervisor desk 2026';
const GENERAL = ['amy', 'bo'];
const RISK = 'rui';
const EXPERT = 'eva';
const SUPERVISOR = 'sam';
const THRESHOLD_S = 30;
const QUEUE_NAMES = { agent: 'General', expert: 'Expert (VIP)', risk: 'Risk and compliance' } as const;
const KIOSKS = [0, 1, 2].map((i) => ({ id: `kiosk-${i}`, token: `wallboard-kiosk-token-${i}-0123456789` }));
// The hour ends (the handoff clock's) two hours before the real now, so sessions stay valid throughout.
const T0 = Math.floor((Date.now() - 3 * 3600_000) / 60_000) * 60_000;
const clock = { t: T0 };

let dir: string;
let hub: RunningHub;
let browser: Browser;
let page: Page;
let calls: ScriptedCall[];
const sockets: SignalSocket[] = [];

const login = async (username: string): Promise<string> => {
  const res = await fetch(`${hub.url}/api/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wallboard-'));
  const agent = (username: string, role: 'agent' | 'expert' | 'risk' | 'supervisor') => ({
    username,
    password: PASSWORD,
    role,
    displayName: username.toUpperCase(),
  });
  hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: join(dir, 'hub'),
    staticDir: join(repoRoot, 'kiosk-ui', 'dist'),
    seed: {
      kiosks: KIOSKS,
      agents: [
        ...GENERAL.map((u) => agent(u, 'agent')),
        agent(RISK, 'risk'),
        agent(EXPERT, 'expert'),
        agent(SUPERVISOR, 'supervisor'),
      ],
    },
    passwordIterations: 1000,
    serviceLevelS: THRESHOLD_S,
    // Calls are recorded (the recordings' routes are there); the test adds the recording's row itself.
    recording: {},
    handoff: {
      now: () => clock.t,
      maxOpenPerKiosk: 100,
      maxRequestsPerMinute: 1000,
      unclaimedMs: 86_400_000,
    },
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await hub?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const tileText = (id: string) => page.getByTestId(`wallboard-${id}`).locator('.value').textContent();
const pct = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);

async function openSupervisorTab(lang = ''): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1600, height: 1300 }, acceptDownloads: true });
  await p.goto(`${hub.url}/agent${lang}`);
  await p.getByTestId('agent-username').fill(SUPERVISOR);
  await p.getByTestId('agent-password').fill(PASSWORD);
  await p.getByTestId('agent-login').click();
  await p.getByTestId('supervisor-tab').click();
  await p.getByTestId('wallboard-service-level').waitFor();
  return p;
}

describe('the supervisor wallboard', () => {
  it('shows the figures of a scripted hour of traffic, played at 60x', async () => {
    calls = scriptHour(18, { general: GENERAL, risk: RISK });
    const agents = new Map<string, SignalSocket>();
    for (const name of [...GENERAL, RISK, EXPERT]) {
      const s = await SignalSocket.open(hub.url, await login(name));
      agents.set(name, s);
      sockets.push(s);
    }
    agents.get(EXPERT)?.send({ t: 'presence', status: 'away' });
    const traffic: Traffic = {
      hubUrl: hub.url,
      kiosks: KIOSKS,
      agents,
      clock,
      startMs: Date.now(),
      speed: 60,
    };
    sockets.push(...(await playHour(calls, traffic)));
    clock.t = T0 + HOUR_S * 1000;
    await syncVisits(calls, traffic, new Date(T0).toISOString());

    const want = expectedBoard(calls, THRESHOLD_S);
    // The script covers every case the wallboard counts.
    expect(want.abandoned).toBeGreaterThan(0);
    expect(want.inTarget).toBeGreaterThan(0);
    expect(want.inTarget).toBeLessThan(want.answered);
    expect(want.waiting.expert.waiting).toBeGreaterThan(0);
    expect(want.busy.length).toBeGreaterThan(0);

    page = await openSupervisorTab();
    const totalWaiting = want.waiting.agent.waiting + want.waiting.expert.waiting + want.waiting.risk.waiting;
    await expect.poll(() => tileText('waiting')).toBe(String(totalWaiting));
    const longest = Math.max(...Object.values(want.waiting).map((w) => w.longestWaitS));
    expect(await tileText('longest')).toBe(`${longest} s`);
    expect(await tileText('service-level')).toBe(pct(want.serviceLevel));
    expect(await tileText('abandoned')).toBe(pct(want.abandonRate));
    expect(await tileText('handle-time')).toBe(`${Math.round(want.avgHandleS ?? 0)} s`);
    expect(await tileText('satisfaction')).toBe(
      `${(want.avgRating ?? 0).toFixed(2)} / 5 (${want.rated} ratings)`,
    );
    expect(await tileText('negative')).toBe(pct(want.negativeShare));
    // Agents by state: the busy ones are mid-call at the hour's end; the supervisor's console is online too.
    const online = GENERAL.length + 1 - want.busy.length + 1;
    await expect.poll(() => tileText('agents')).toBe(`${online} online · ${want.busy.length} busy · 1 away`);
    for (const name of want.busy)
      expect(
        await page.locator(`[data-testid="wallboard-agent"][data-status="busy"]`, { hasText: name }).count(),
      ).toBe(1);
    const handled = (mine: ScriptedCall[]) => {
      const ended = mine.filter((c) => c.end !== null && c.answer !== null);
      if (ended.length === 0) return '–';
      return `${Math.round(ended.reduce((x, c) => x + (c.end as number) - (c.answer as number), 0) / ended.length)} s`;
    };
    for (const q of ['agent', 'expert', 'risk'] as const) {
      const cells = await page
        .locator(`[data-testid="wallboard-queue-row"][data-queue="${q}"] td`)
        .allTextContents();
      const mine = calls.filter((c) => c.queue === q);
      expect(cells).toEqual([
        QUEUE_NAMES[q],
        String(want.waiting[q].waiting),
        `${want.waiting[q].longestWaitS} s`,
        String(mine.length),
        String(mine.filter((c) => c.answer !== null).length),
        String(mine.filter((c) => c.abandon !== null).length),
        // No transfers in the script: each desk's handling time is its ended calls' mean.
        '0',
        handled(mine),
      ]);
    }
    // The chart holds the hour's calls, bucket by bucket (5 minutes).
    const drawn = JSON.parse(
      (await page.getByTestId('wallboard-chart').getAttribute('data-drawn')) ?? '[]',
    ) as number[][];
    const perBucket = (times: number[]) =>
      Array.from(
        { length: 12 },
        (_, i) => times.filter((t) => Math.min(11, Math.floor(t / 300)) === i).length,
      );
    expect(drawn[0]).toEqual(perBucket(calls.map((c) => c.arrive)));
    expect(drawn[3]).toEqual(perBucket(calls.flatMap((c) => (c.abandon === null ? [] : [c.abandon]))));
    expect(await page.locator('[data-testid="wallboard-chart"] canvas').count()).toBeGreaterThan(0);
    await shot(page, 'wallboard-hour');

    // Another threshold: the service level follows it.
    const loose = expectedBoard(calls, 60);
    await page.getByTestId('wallboard-threshold').fill('60');
    await page.getByTestId('wallboard-threshold').press('Tab');
    await expect.poll(() => tileText('service-level')).toBe(pct(loose.serviceLevel));
    // The day's and the week's windows hold the same hour.
    await page.getByTestId('wallboard-window').selectOption('day');
    await expect.poll(() => page.getByTestId('wallboard').getAttribute('data-window')).toBe('day');
    expect(await tileText('abandoned')).toBe(pct(want.abandonRate));
    await shot(page, 'wallboard-day');
    await page.getByTestId('wallboard-window').selectOption('week');
    await expect.poll(() => page.getByTestId('wallboard').getAttribute('data-window')).toBe('week');
    expect(await tileText('handle-time')).toBe(`${Math.round(want.avgHandleS ?? 0)} s`);
  }, 180_000);

  it('stores a quality score of a recorded call and shows it in the per-agent report', async () => {
    const call = calls.find((c) => c.end !== null && c.agent === GENERAL[0]);
    if (!call) throw new Error('the script has no ended call of the first agent');
    const recordingId = `rec-${call.id}`;
    await hub.store.recordings.create({
      id: recordingId,
      handoffId: `scripted-${call.id}`,
      kioskId: KIOSKS[call.kiosk]?.id ?? 'kiosk-0',
      agent: GENERAL[0] as string,
      startedAt: new Date(T0 + (call.answer ?? 0) * 1000).toISOString(),
      mime: 'video/webm',
      deleteAfter: new Date(Date.now() + 86_400_000).toISOString(),
    });
    page = await openSupervisorTab();
    await expect.poll(() => page.getByTestId('quality-recording').locator('option').count()).toBe(1);
    await page.getByTestId('quality-greeting').selectOption('2');
    await page.getByTestId('quality-identityCheck').selectOption('1');
    await page.getByTestId('quality-suitability').selectOption('na');
    await page.getByTestId('quality-resolution').selectOption('2');
    await page.getByTestId('quality-notes').fill('Greeted well; checked the card only, not the ID.');
    await page.getByTestId('quality-save').click();
    // 5 of 6 points over the three criteria that apply.
    await expect
      .poll(() => page.getByTestId('quality-status').textContent())
      .toBe(`Saved: ${GENERAL[0]} 83.3 %`);
    const row = page.locator(`[data-testid="quality-report-row"][data-agent="${GENERAL[0]}"] td`);
    await expect
      .poll(() => row.allTextContents())
      .toEqual([GENERAL[0], '1', '83.3 %', '2.00', '1.00', '–', '2.00']);
    await shot(page, 'quality-score');
    const audit = await fetch(`${hub.url}/api/agent/audit`, {
      headers: { authorization: `Bearer ${await login(SUPERVISOR)}` },
    });
    const entries = ((await audit.json()) as { entries: { action: string; subject: string }[] }).entries;
    expect(entries.filter((e) => e.action === 'quality.score').map((e) => e.subject)).toEqual([recordingId]);

    // The calls of the hour as CSV for Excel.
    const day = new Date(T0).toISOString().slice(0, 10);
    await page.getByTestId('export-from').fill(day);
    await page.getByTestId('export-to').fill(new Date().toISOString().slice(0, 10));
    const download = page.waitForEvent('download');
    await page.getByTestId('export-calls').click();
    const file = await (await download).path();
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(calls.length + 1);
    expect(lines.filter((l) => l.includes(',"abandoned",'))).toHaveLength(
      calls.filter((c) => c.abandon !== null).length,
    );
  }, 60_000);

  it('reads in Chinese', async () => {
    page = await openSupervisorTab('?lang=zh-CN');
    expect(await page.getByTestId('supervisor-tab').textContent()).toBe('主管');
    expect(await page.getByTestId('wallboard-abandoned').locator('.label').textContent()).toBe('放弃率');
    await shot(page, 'wallboard-zh');
  }, 60_000);
});
