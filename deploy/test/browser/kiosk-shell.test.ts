// The kiosk shell (deploy/kiosk/branch-kiosk-shell) as its unit runs it: under cage, here on wlroots'
// headless backend (this machine has no seat or GPU) and as an unprivileged user (cage refuses root), it
// opens the agent's kiosk page full-screen in Debian's Chromium with the kiosk flags; the page refuses the
// context menu; the voice switch picks the browser's voice. Under X (Xvfb) it opens the same page and an X
// screenshot of the display shows it. Screenshots: test-output/kiosk-shell/.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chownSync,
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBranch, type RunningBranch } from '../../../scripts/lib/branch-process.ts';
import { distinctColours } from '../../../kiosk-ui/test/browser/support/pixels.ts';
import { freePort, repoRoot } from '../support/release.ts';

const SHELL = join(repoRoot, 'deploy/kiosk/branch-kiosk-shell');
const outDir = join(repoRoot, 'test-output', 'kiosk-shell');
const asRoot = process.getuid?.() === 0;
const NOBODY = 65_534;
let branch: RunningBranch;

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  branch = await startBranch();
}, 60_000);
afterAll(async () => {
  await branch?.stop();
});

interface Shell {
  browser: Browser;
  page: Page;
  /** The browser process's command line. */
  args: string[];
}
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A folder the shell's user owns (nobody when the tests run as root). */
function ownedDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  if (asRoot) chownSync(dir, NOBODY, NOBODY);
  return dir;
}

/** The Chromium browser process started with this debugging port (not its renderers or helpers). */
function browserProcess(port: number): { pid: number; args: string[] } | undefined {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        .split('\0')
        .filter((a) => a !== '');
    } catch {
      continue;
    }
    if (args.includes(`--remote-debugging-port=${port}`) && !args.some((a) => a.startsWith('--type=')))
      return { pid: Number(pid), args };
  }
  return undefined;
}

/**
 * Starts the shell as the unit would (under cage), or on an X display, with a debugging port for the test
 * and no Chromium sandbox (a container forbids its namespaces); connects to the page it opened.
 */
async function startShell(
  under: { cage: true } | { display: string },
  env: Record<string, string> = {},
): Promise<Shell> {
  const port = await freePort();
  const home = ownedDir('kiosk-shell-home-');
  const common = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    BRANCH_KIOSK_URL: branch.runtime.pages.kiosk,
    BRANCH_KIOSK_EXTRA: `--remote-debugging-port=${port} --no-sandbox --disable-gpu`,
    ...env,
  };
  let child: ChildProcess;
  if ('cage' in under) {
    const cage = ['cage', '-d', '--', SHELL];
    const [cmd, ...args] = asRoot
      ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...cage]
      : cage;
    child = spawn(cmd as string, args, {
      env: {
        ...common,
        XDG_RUNTIME_DIR: ownedDir('kiosk-shell-xdg-'),
        WLR_BACKENDS: 'headless',
        WLR_RENDERER: 'pixman',
        WLR_LIBINPUT_NO_DEVICES: '1',
      },
      stdio: 'ignore',
    });
  } else {
    child = spawn('sh', [SHELL], { env: { ...common, DISPLAY: under.display }, stdio: 'ignore' });
  }
  cleanups.push(() => void child.kill('SIGKILL'));
  let browser: Browser | null = null;
  await expect
    .poll(
      async () =>
        (browser = await chromium
          .connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 5000 })
          .catch(() => null)),
      {
        timeout: 30_000,
      },
    )
    .not.toBeNull();
  const connected = browser as unknown as Browser;
  const started = browserProcess(port);
  if (started === undefined) throw new Error('no Chromium browser process with the debugging port');
  cleanups.push(async () => {
    await connected.close().catch(() => undefined);
    // The browser this test started, by its process id (cage's client may outlive cage's kill).
    try {
      process.kill(started.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  let page: Page | undefined;
  await expect
    .poll(
      () =>
        (page = connected
          .contexts()[0]
          ?.pages()
          .find((p) => p.url().startsWith(branch.runtime.pages.kiosk))),
      {
        timeout: 30_000,
      },
    )
    .toBeDefined();
  return { browser: connected, page: page as Page, args: started.args };
}

async function waitConnected(page: Page): Promise<void> {
  await page.getByTestId('connection-status').and(page.locator('[data-state="connected"]')).waitFor();
}

describe('kiosk shell', () => {
  it('under cage: the kiosk page full-screen with the kiosk flags and no context menu', async () => {
    const { page, args } = await startShell({ cage: true });
    for (const flag of [
      '--kiosk',
      '--ozone-platform=wayland',
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--noerrdialogs',
      '--autoplay-policy=no-user-gesture-required',
    ]) {
      expect(args).toContain(flag);
    }
    expect(args).not.toContain('--enable-speech-dispatcher');
    expect(args).toContain(branch.runtime.pages.kiosk);
    await waitConnected(page);
    // Full screen: the page has the whole output, no tabs, no address bar, no decorations.
    const [w, h, sw, sh] = await page.evaluate(() => [innerWidth, innerHeight, screen.width, screen.height]);
    expect([w, h]).toEqual([sw, sh]);
    expect(await page.locator('meta[name=viewport]').getAttribute('content')).toContain('user-scalable=no');
    const menuPrevented = await page.evaluate(() => {
      const e = new MouseEvent('contextmenu', {
        bubbles: true,
        cancelable: true,
        clientX: 200,
        clientY: 200,
      });
      document.body.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(menuPrevented).toBe(true);
    const png = await page.screenshot();
    writeFileSync(join(outDir, 'kiosk-shell-cage.png'), png);
    expect(await distinctColours(page, png)).toBeGreaterThan(100);
  });

  it("under cage: the voice switch gives the page the browser's voice and Chromium speech-dispatcher", async () => {
    const { page, args } = await startShell({ cage: true }, { BRANCH_KIOSK_VOICE: 'browser' });
    expect(args).toContain('--enable-speech-dispatcher');
    expect(new URL(page.url()).searchParams.get('voice')).toBe('browser');
  });

  it('under X: the kiosk page on the display, as an X screenshot shows', async () => {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
    const size = '1280x800';
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${size}x24`, '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    cleanups.push(() => void xvfb.kill());
    const display = await new Promise<string>((resolve, reject) => {
      let text = '';
      xvfb.stdio[3]?.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('\n')) resolve(`:${text.trim()}`);
      });
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): apt-get install xvfb`)));
    });
    const { page, args } = await startShell({ display });
    expect(args).toContain('--ozone-platform=x11');
    expect(args).toContain('--kiosk');
    // No window manager here: the shell placed the window over the screen (xdpyinfo's size).
    expect(args).toContain('--window-position=0,0');
    expect(args).toContain('--window-size=1280,800');
    await waitConnected(page);
    // Chromium's X11 window without a window manager comes out one pixel short each way.
    const [w, h] = await page.evaluate(() => [outerWidth, outerHeight]);
    expect(w).toBeGreaterThanOrEqual(1279);
    expect(h).toBeGreaterThanOrEqual(799);
    const file = join(outDir, 'kiosk-shell-x11.png');
    const grab = spawnSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'x11grab',
      '-video_size',
      size,
      '-i',
      display,
      '-frames:v',
      '1',
      file,
    ]);
    expect(grab.status, grab.stderr?.toString()).toBe(0);
    // The kiosk page's scene on the display, not an empty screen (which has one colour).
    expect(await distinctColours(page, readFileSync(file))).toBeGreaterThan(100);
  });

  it('refuses an unknown voice and a session without a display, with one line', () => {
    const run = (env: Record<string, string>) =>
      spawnSync('sh', [SHELL], {
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
        encoding: 'utf8',
      });
    const voice = run({ WAYLAND_DISPLAY: 'wayland-0', BRANCH_KIOSK_VOICE: 'loud' });
    expect(voice.status).toBe(64);
    expect(voice.stderr).toContain('BRANCH_KIOSK_VOICE=loud: expected espeak or browser');
    const none = run({});
    expect(none.status).toBe(64);
    expect(none.stderr).toContain('neither WAYLAND_DISPLAY nor DISPLAY is set');
  });
});
