// Issue 18, "in the call", in Chromium against the real branch in a box: a supervisor adds a canned
// reply in both languages and corrects its Chinese text with an edit; a customer asks for a person at the kiosk in Chinese and the general agent
// accepts; the agent finds an article and shows it on the kiosk beside the video (in Chinese, closed by
// the customer), says the canned reply (the kiosk shows its Chinese text), holds (the kiosk says so and
// chimes, and the agent's picture goes black, as the console paused its camera) and resumes; then transfers
// the call to risk with a note holding a card number: the kiosk says it keeps its place, the risk
// officer (a third Chromium) takes it and reads the note, masked; no frame the consoles sent carried
// the number. Screenshots under test-output/desk-call/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUALITY_STRINGS } from '../../src/agent/supervisor-strings.ts';
import { messages, t } from '../../src/i18n/index.ts';
import { repoRoot } from './support/branch-process.ts';
import { FAKE_MEDIA_ARGS, launchChromium } from './support/chromium.ts';
import { pageShooter } from './support/desk-hub.ts';
import {
  framesDecoded,
  kioskHandoffState,
  signInConsole,
  startCallSetup,
  startVisit,
  type CallSetup,
} from './support/handoff-pages.ts';
import { connectCall } from './support/connect-call.ts';
import { recordOutgoing, type Outgoing } from './support/outgoing.ts';

const shot = pageShooter(join(repoRoot, 'test-output', 'desk-call'));
const PAN = '6228480402564890';
const ZH = messages['zh-CN'];
const REPLY = {
  title: 'Insert card',
  en: 'Please insert your card into the slot below.',
  zh: '请将银行卡插入下方的插卡口。',
};
/** The Chinese text as first added, before the supervisor corrects it. */
const DRAFT_ZH = '请插卡。';

let setup: CallSetup;
let riskBrowser: Browser;

beforeAll(async () => {
  [setup, riskBrowser] = await Promise.all([startCallSetup(), launchChromium(FAKE_MEDIA_ARGS)]);
}, 120_000);

afterAll(async () => {
  await riskBrowser?.close();
  await setup?.close();
});

/** Mean brightness (0..255) of what a video element shows now, drawn onto a canvas (no CSS filters). */
const videoBrightness = (page: Page, testid: string): Promise<number> =>
  page.getByTestId(testid).evaluate((v: HTMLVideoElement) => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 48;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(v, 0, 0, c.width, c.height);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
    return sum / (d.length / 4);
  });

/** Whether the console's own camera and microphone tracks are enabled (false: paused). */
const localTracksEnabled = (page: Page): Promise<boolean[]> =>
  page
    .getByTestId('agent-local-video')
    .evaluate((v: HTMLVideoElement) =>
      v.srcObject instanceof MediaStream ? v.srcObject.getTracks().map((t) => t.enabled) : [],
    );

const carried = (sent: Outgoing[], text: string) => sent.filter((s) => s.text.includes(text));

describe('in the call: article, canned reply, hold, transfer', () => {
  it('runs a call from general to risk with the tools of the call desk', async () => {
    const { branch, kioskBrowser, agentBrowser } = setup;
    const url = branch.runtime.pages.agentConsole;
    const password = branch.secrets.agentPassword;

    // The supervisor adds a canned reply (its own context: its own session).
    const sup = await (await agentBrowser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await signInConsole(sup, url, 'supervisor', password);
    await sup.getByTestId('supervisor-tab').click();
    await sup.getByTestId('canned-title').fill(REPLY.title);
    await sup.getByTestId('canned-en').fill(REPLY.en);
    await sup.getByTestId('canned-zh').fill(DRAFT_ZH);
    await sup.getByTestId('canned-add').click();
    await expect
      .poll(() => sup.getByTestId('canned-row').allTextContents())
      .toEqual([expect.stringContaining(DRAFT_ZH)]);
    // Corrected: the edit fills the form with the reply; saving replaces its Chinese text.
    await sup.getByTestId('canned-edit').click();
    expect(await sup.getByTestId('canned-en').inputValue()).toBe(REPLY.en);
    await sup.getByTestId('canned-zh').fill(REPLY.zh);
    await sup.getByTestId('canned-add').click();
    await expect
      .poll(() => sup.getByTestId('canned-row').allTextContents())
      .toEqual([expect.stringContaining(REPLY.zh)]);
    expect(await sup.getByTestId('canned-cancel').isVisible()).toBe(false);
    // This branch records no calls: the score sheet says so instead of failing.
    await expect
      .poll(() => sup.getByTestId('quality-status').textContent())
      .toBe(QUALITY_STRINGS.en['supervisor.quality.notRecording']);
    await sup.getByTestId('canned').scrollIntoViewIfNeeded();
    await shot(sup, 'supervisor-canned-reply');
    // Signed out again, so that only the desks under test take calls.
    await sup.context().close();

    const agent = await agentBrowser.newPage({ viewport: { width: 1440, height: 1400 } });
    const risk = await riskBrowser.newPage({ viewport: { width: 1440, height: 1400 } });
    const kiosk = await kioskBrowser.newPage({ viewport: { width: 1080, height: 1920 } });
    const sent = [...[agent, risk].map(recordOutgoing)];
    const errors: string[] = [];
    for (const p of [agent, risk, kiosk]) p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
    await signInConsole(agent, url, 'agent', password);
    await signInConsole(risk, url, 'risk', password);
    await startVisit(kiosk, branch.runtime.pages.kiosk, 'zh');
    await connectCall(kiosk, agent);
    expect(await kioskHandoffState(kiosk)).toBe('handoff.connected');

    // An article, found in the customer's language and shown beside the video.
    await agent.getByTestId('tools-article-q').fill('密码');
    await agent.getByTestId('tools-article-search').click();
    const hit = agent.locator('[data-testid="tools-article-hit"][data-article-id="card-pin-reset"]');
    await hit.getByTestId('tools-article-send').click();
    const article = kiosk.getByTestId('handoff-article');
    await article.waitFor({ state: 'visible' });
    expect(await kiosk.getByTestId('handoff-article-title').textContent()).toBe('银行卡密码重置与解锁');
    expect(await kiosk.getByTestId('handoff-article-body').textContent()).toContain('身份证件');
    await expect
      .poll(() => agent.getByTestId('tools-status').textContent())
      .toContain('银行卡密码重置与解锁');
    await shot(kiosk, 'kiosk-article-beside-video');
    await shot(agent, 'agent-article-shown');
    await kiosk.getByTestId('handoff-article-close').click();
    await article.waitFor({ state: 'hidden' });

    // The canned reply, picked by its title, reaches the kiosk in Chinese.
    await agent.getByTestId('tools-canned-send').click();
    await expect.poll(() => kiosk.getByTestId('handoff-chat-log').textContent()).toContain(REPLY.zh);
    await shot(kiosk, 'kiosk-canned-reply-zh');

    // Hold: the kiosk says so in Chinese, the console's camera and microphone pause (the picture goes
    // black at the kiosk); resume brings both back.
    const lit = await videoBrightness(kiosk, 'handoff-remote-video');
    expect(lit).toBeGreaterThan(20);
    await agent.getByTestId('tools-hold').click();
    await kiosk.getByTestId('handoff-hold').waitFor({ state: 'visible' });
    expect(await kiosk.getByTestId('handoff-hold').textContent()).toBe(ZH['handoff.hold']);
    expect(await kiosk.getByTestId('handoff-hold').getAttribute('data-hold-tone')).toBe('playing');
    await expect.poll(() => localTracksEnabled(agent)).toEqual([false, false]);
    await expect.poll(() => videoBrightness(kiosk, 'handoff-remote-video')).toBeLessThan(5);
    await shot(kiosk, 'kiosk-on-hold');
    await shot(agent, 'agent-on-hold');
    await agent.getByTestId('tools-hold').click();
    await kiosk.getByTestId('handoff-hold').waitFor({ state: 'hidden' });
    expect(await kiosk.getByTestId('handoff-hold').getAttribute('data-hold-tone')).toBe('off');
    await expect.poll(() => localTracksEnabled(agent)).toEqual([true, true]);
    await expect.poll(() => videoBrightness(kiosk, 'handoff-remote-video')).toBeGreaterThan(20);

    // Transfer to risk with a note holding a card number.
    await agent.getByTestId('tools-transfer-queue').selectOption('risk');
    await agent.getByTestId('tools-transfer-note').fill(`客户对扣费有异议，卡号 ${PAN}，请核实`);
    await agent.getByTestId('tools-transfer').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.transferred');
    expect(await kiosk.getByTestId('handoff-state').textContent()).toContain(ZH['handoff.desk.risk']);
    expect(await kiosk.getByTestId('handoff-state').textContent()).toContain('第 1 位');
    const passedOn = t('en', 'agent.tools.transferred', {
      queue: t('en', 'agent.tools.desk.risk'),
      position: 1,
    });
    await expect.poll(() => agent.getByTestId('call-status').textContent()).toBe(passedOn);
    await shot(kiosk, 'kiosk-transferred');
    await shot(agent, 'agent-transferred');

    await risk.getByTestId('queue-row').waitFor();
    await risk.getByTestId('call-accept').click();
    const note = await risk.getByTestId('call-transfer-note').textContent();
    expect(note).toContain('************4890');
    expect(note).toContain('agent');
    expect(note).not.toContain(PAN);
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.connected');
    await expect
      .poll(() => framesDecoded(risk, 'agent-remote-video'), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await shot(risk, 'risk-officer-sees-note');
    await shot(kiosk, 'kiosk-with-risk-officer');

    await risk.getByTestId('call-end').click();
    await expect.poll(() => kioskHandoffState(kiosk)).toBe('handoff.ended');
    // The wallboard counts the transfer: general passed one call on, risk answered it; each desk its time.
    const board = await (
      await agentBrowser.newContext({ viewport: { width: 1440, height: 1000 } })
    ).newPage();
    await signInConsole(board, url, 'supervisor', password);
    await board.getByTestId('supervisor-tab').click();
    const row = (q: string) =>
      board.locator(`[data-testid="wallboard-queue-row"][data-queue="${q}"] td`).allTextContents();
    // Queue, waiting, longest wait, offered, answered, abandoned, transferred out, handling time here.
    await expect.poll(async () => (await row('agent')).slice(3, 7)).toEqual(['1', '1', '0', '1']);
    expect((await row('risk')).slice(3, 7)).toEqual(['0', '1', '0', '0']);
    for (const q of ['agent', 'risk']) expect((await row(q))[7]).toMatch(/^\d+ s$/);
    await board.getByTestId('wallboard-queues').scrollIntoViewIfNeeded();
    await shot(board, 'supervisor-wallboard-transfer');
    expect(errors).toEqual([]);
    // The note went out masked: no request or socket frame of either console carried the number.
    expect(sent.flatMap((s) => carried(s, PAN))).toEqual([]);
    expect(sent.flatMap((s) => carried(s, '************4890')).length).toBeGreaterThan(0);
  }, 240_000);
});
