// Knowledge publishing end to end on the real branch in a box: a supervisor edits the English "branch
// opening hours" article in the console's Knowledge tab and publishes it; the kiosk (asked over the
// device-agent's own WebSocket protocol) answers with the new text within moments; then, with the hub
// process stopped, the kiosk still answers from its local replica. Screenshots under test-output/kb/.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { messages } from '../../src/i18n/index.ts';
import { repoRoot, startBranch, type RunningBranch } from './support/branch-process.ts';
import { launchChromium } from './support/chromium.ts';
import { shooter } from './support/kiosk-page.ts';

const ARTICLE = { id: 'branch-opening-hours', locale: 'en' } as const;
const QUESTION = 'What are your opening hours?';
const MARKER = `kb-marker-${Date.now().toString(36)}`;
const shot = shooter(join(repoRoot, 'test-output', 'kb'));
const en = messages.en;

let branch: RunningBranch;
let browser: Browser;
let page: Page;
/** The hub is frozen (SIGSTOP) and must be resumed before the branch can stop. */
let hubStopped = false;

/** A kiosk session over the agent's WebSocket (XFS4IoT-style envelopes), as the kiosk page speaks it. */
class KioskWs {
  private nextId = 1;
  private readonly waiting = new Map<number, (payload: Record<string, unknown>) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { header: { type: string; requestId: number }; payload: never };
      if (msg.header.type === 'completion') this.waiting.get(msg.header.requestId)?.(msg.payload);
    });
  }

  static async open(agentUrl: string): Promise<KioskWs> {
    // As the kiosk page: this boot's secret from the agent, and the agent's own Origin.
    const boot = ((await (await fetch(`${agentUrl}/kiosk/boot`)).json()) as { token: string }).token;
    const ws = new WebSocket(`${agentUrl.replace(/^http/, 'ws')}/ws?boot=${encodeURIComponent(boot)}`, {
      origin: agentUrl,
    });
    await new Promise<void>((res, rej) => {
      ws.once('open', () => res());
      ws.once('error', rej);
    });
    return new KioskWs(ws);
  }

  command(name: string, payload: object): Promise<Record<string, unknown>> {
    const requestId = this.nextId++;
    const done = new Promise<Record<string, unknown>>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${name}: no completion in 5 s`)), 5000);
      this.waiting.set(requestId, (p) => {
        clearTimeout(timer);
        this.waiting.delete(requestId);
        res(p);
      });
    });
    this.ws.send(JSON.stringify({ header: { type: 'command', name, requestId, version: '1.0' }, payload }));
    return done;
  }

  /** Starts an English session, retrying while the agent still reports the service unavailable. */
  async start(): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = await this.command('Session.Start', { locale: 'en' });
      if (r.completionCode === 'success') return r.sessionId as string;
      if (Date.now() > deadline) throw new Error(`Session.Start: ${JSON.stringify(r)}`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  async ask(sessionId: string, text: string): Promise<{ text: string; articleId?: string }> {
    const r = await this.command('Session.Ask', { sessionId, text });
    expect(r.completionCode).toBe('success');
    return r.answer as { text: string; articleId?: string };
  }

  close(): void {
    this.ws.close();
  }
}

const row = (p: Page) =>
  p.locator(`[data-testid="kb-row"][data-article-id="${ARTICLE.id}"][data-locale="${ARTICLE.locale}"]`);

async function signIn(p: Page, username: string): Promise<void> {
  await p.goto(branch.runtime.pages.agentConsole);
  await p.getByTestId('agent-username').fill(username);
  await p.getByTestId('agent-password').fill(branch.secrets.agentPassword);
  await p.getByTestId('agent-login').click();
  await p.locator('[data-role="tabs"]').waitFor({ state: 'visible' });
}

/** A supervisor session token, for changing the article behind the page's back. */
async function supervisorToken(): Promise<string> {
  const res = await fetch(`${branch.runtime.hub.url}/api/agent/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: branch.secrets.agentPassword }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

beforeAll(async () => {
  branch = await startBranch();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
}, 120_000);

afterAll(async () => {
  if (hubStopped) process.kill(branch.runtime.hub.pid, 'SIGCONT');
  await browser?.close();
  await branch?.stop();
});

describe('knowledge publishing from the console', () => {
  it('shows the Knowledge tab to supervisors only', async () => {
    await signIn(page, 'agent');
    expect(await page.getByTestId('kb-tab').isVisible()).toBe(false);
    expect(await page.getByTestId('audit-tab').isVisible()).toBe(false);
    await page.locator('[data-role="sign-out"]').click();
    await signIn(page, 'supervisor');
    await page.getByTestId('kb-tab').click();
    await row(page).waitFor();
    // Both locales of every seeded article are listed.
    expect(await page.locator('[data-testid="kb-row"][data-locale="zh-CN"]').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="kb-row"][data-locale="en"]').count()).toBe(
      await page.locator('[data-testid="kb-row"][data-locale="zh-CN"]').count(),
    );
    await shot(page, 'knowledge-list');
  });

  it('names an empty title instead of publishing it', async () => {
    await row(page).click();
    expect(await page.getByTestId('kb-title').inputValue()).toBe('Branch opening hours');
    await page.getByTestId('kb-title').fill('');
    await page.getByTestId('kb-publish').click();
    const status = page.getByTestId('kb-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('error');
    expect(await status.textContent()).toContain(en['kb.title']);
    await shot(page, 'empty-title-refused');
  });

  it('refuses to publish over a version someone else published meanwhile, then reloads it', async () => {
    await row(page).click(); // discards the bad edit: the stored version 1 again
    const token = await supervisorToken();
    const list = (await (
      await fetch(`${branch.runtime.hub.url}/api/agent/articles`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { articles: { id: string; locale: string; version: number; tags: string[] }[] };
    const stored = list.articles.find((a) => a.id === ARTICLE.id && a.locale === ARTICLE.locale)!;
    const { version: base, ...draft } = stored;
    const other = await fetch(`${branch.runtime.hub.url}/api/agent/articles`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ baseVersion: base, article: { ...draft, tags: [...draft.tags, 'opening'] } }),
    });
    expect(other.status).toBe(201);

    await page.getByTestId('kb-body').fill('An edit of the old version.');
    await page.getByTestId('kb-publish').click();
    const status = page.getByTestId('kb-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('error');
    expect(await status.textContent()).toBe(en['kb.stale'].replace('{version}', String(base + 1)));
    await shot(page, 'stale-edit-refused');
    await page.locator('[data-role="kb-reload"]').click();
    await expect.poll(() => page.locator('[data-role="kb-tags"]').inputValue()).toContain('opening');
  });

  it('shows supervisors the audit log with who published which article', async () => {
    await page.getByTestId('audit-tab').click();
    const published = page.locator('[data-testid="audit-row"][data-action="article.publish"]').first();
    await published.waitFor();
    const cells = await published.locator('td').allTextContents();
    expect(cells[1]).toBe('supervisor');
    expect(cells[3]).toContain(ARTICLE.id);
    await shot(page, 'audit-log');
    await page.getByTestId('kb-tab').click();
  });

  it('publishes an edit that the kiosk answers with moments later, and offline', async () => {
    const kiosk = await KioskWs.open(branch.runtime.agent.url);
    try {
      const session = await kiosk.start();
      const before = await kiosk.ask(session, QUESTION);
      expect(before.articleId).toBe(ARTICLE.id);
      expect(before.text).not.toContain(MARKER);

      const body = page.getByTestId('kb-body');
      const original = await body.inputValue();
      // The understanding data is in the form too: a publish that dropped it would leave the kiosk
      // unable to recognise the topic (it did once).
      const examples = page.locator('[data-role="kb-examples"]');
      expect((await examples.inputValue()).split('\n').length).toBeGreaterThan(3);
      await body.fill(`${original} ${MARKER}`);
      await shot(page, 'editing');
      const clicked = performance.now();
      await page.getByTestId('kb-publish').click();
      const status = page.getByTestId('kb-status');
      await expect.poll(() => status.getAttribute('data-state')).toBe('published');
      const confirmed = performance.now();
      // Version 1 seeded, version 2 published above behind the page's back: this is version 3.
      expect(await status.textContent()).toBe(en['kb.published'].replace('{version}', '3'));
      expect(await row(page).textContent()).toContain('v3');
      await shot(page, 'published');

      let answer = before;
      while (!answer.text.includes(MARKER)) {
        if (performance.now() - clicked > 30_000)
          throw new Error(`the kiosk never answered with the edit; last answer: ${JSON.stringify(answer)}`);
        await new Promise((res) => setTimeout(res, 25));
        answer = await kiosk.ask(session, QUESTION);
      }
      const answered = performance.now();
      expect(answer.articleId).toBe(ARTICLE.id);
      console.log(
        `kb publish: click to hub confirmation ${(confirmed - clicked).toFixed(0)} ms; ` +
          `click to kiosk answer with the edit ${(answered - clicked).toFixed(0)} ms`,
      );

      // Stop the hub. SIGSTOP, not a kill: the branch launcher stops every process when one exits,
      // and a kiosk must keep serving through a hub outage, not be taken down with it.
      process.kill(branch.runtime.hub.pid, 'SIGSTOP');
      hubStopped = true;
      await expect(
        fetch(`${branch.runtime.hub.url}/healthz`, { signal: AbortSignal.timeout(1000) }),
      ).rejects.toThrow();
      const offline = await KioskWs.open(branch.runtime.agent.url);
      try {
        const s2 = await offline.start();
        const fromReplica = await offline.ask(s2, QUESTION);
        expect(fromReplica.articleId).toBe(ARTICLE.id);
        expect(fromReplica.text).toContain(MARKER);
      } finally {
        offline.close();
      }
    } finally {
      kiosk.close();
    }
  });
});
