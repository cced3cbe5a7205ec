// deploy/install.sh into a temporary root (DESTDIR): the tree it lays down, the units systemd accepts
// (`systemd-analyze verify`), the users systemd-sysusers makes from it, and a re-install that keeps the
// operator's configuration while it switches `current` to the new release.
import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SERVICE_MALLOC_TUNABLE, SERVICE_NODE_ARGS } from '../../scripts/lib/service-runtime.ts';
import {
  packagedRelease,
  RELEASE_VERSION,
  releaseCopy,
  repoRoot,
  type PackagedRelease,
} from './support/release.ts';

let release: PackagedRelease;
beforeAll(() => {
  release = packagedRelease();
}, 300_000);
// Each install copies the release (about 80 MB) on a disk shared with other work.
vi.setConfig({ testTimeout: 120_000 });

function install(releaseDir: string, env: Record<string, string>): { code: number | null; out: string } {
  const r = spawnSync('sh', [join(releaseDir, 'deploy/install.sh')], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Every file and link under root, relative, sorted; releases/<version>/ listed as one entry. */
function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
      const p = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory() && !/^opt\/branch-kiosk\/releases\/[^/]+$/.test(p)) walk(p);
      else out.push(p);
    }
  };
  walk('');
  return out.sort();
}

const mode = (file: string): string => (statSync(file).mode & 0o777).toString(8);

describe('deploy/install.sh into a temporary root', () => {
  it('lays down the release, the current symlink, units, udev rules, users and configuration', () => {
    const root = mkdtempSync(join(tmpdir(), 'branch-destdir-'));
    const { code, out } = install(release.dir, { DESTDIR: root });
    expect(code, out).toBe(0);
    expect(out).toContain('DESTDIR set: no users made, no udev reload, no systemctl');
    expect(tree(root)).toEqual([
      'etc/branch-kiosk/kiosk-shell.env',
      'etc/branch-kiosk/kiosk.config.json',
      'etc/chromium/policies/managed/branch-kiosk.json',
      'etc/systemd/system/branch-agent.service',
      'etc/systemd/system/branch-hub-central.service',
      'etc/systemd/system/branch-hub.service',
      'etc/systemd/system/branch-kiosk-shell.service',
      'etc/sysusers.d/branch-kiosk.conf',
      'etc/udev/rules.d/70-branch-kiosk.rules',
      'opt/branch-kiosk/current',
      `opt/branch-kiosk/releases/${RELEASE_VERSION}`,
    ]);
    // A relative link, so the tree can be inspected (or chrooted into) where it lies.
    expect(lstatSync(join(root, 'opt/branch-kiosk/current')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'opt/branch-kiosk/current'))).toBe(`releases/${RELEASE_VERSION}`);
    expect(readFileSync(join(root, 'opt/branch-kiosk/current/services/agent.mjs'))).toEqual(
      readFileSync(join(release.dir, 'services/agent.mjs')),
    );
    for (const unit of ['branch-agent', 'branch-hub', 'branch-hub-central', 'branch-kiosk-shell']) {
      expect(mode(join(root, `etc/systemd/system/${unit}.service`))).toBe('644');
    }
    const rules = readFileSync(join(root, 'etc/udev/rules.d/70-branch-kiosk.rules'), 'utf8');
    expect(rules).toMatch(/SUBSYSTEM=="tty".*GROUP="branch-kiosk".*SYMLINK\+="branch-arm"/);
    expect(rules).toMatch(/SUBSYSTEM=="hidraw".*GROUP="branch-kiosk", MODE="0660"/);
    expect(rules).toMatch(/SUBSYSTEM=="input".*ENV\{LIBINPUT_IGNORE_DEVICE\}="1"/);
    const config = JSON.parse(readFileSync(join(root, 'etc/branch-kiosk/kiosk.config.json'), 'utf8'));
    expect(config).toMatchObject({ agent: { mode: 'hardware' }, arm: { port: '/dev/branch-arm' } });
  });

  it('installs units that systemd-analyze verify accepts, run as non-root, hardened, with watchdog', () => {
    const root = mkdtempSync(join(tmpdir(), 'branch-destdir-'));
    expect(install(release.dir, { DESTDIR: root }).code).toBe(0);
    const units = ['branch-hub', 'branch-agent', 'branch-kiosk-shell', 'branch-hub-central'].map((u) =>
      join(root, `etc/systemd/system/${u}.service`),
    );
    const verify = spawnSync('systemd-analyze', ['verify', ...units], { encoding: 'utf8' });
    expect(`${verify.stdout}${verify.stderr}`).toBe('');
    expect(verify.status).toBe(0);
    const [hub, agent, shell, central] = units.map((u) => readFileSync(u, 'utf8'));
    for (const unit of [hub, agent]) {
      expect(unit).toMatch(/^User=branch-kiosk$/m);
      expect(unit).toMatch(/^Type=notify$/m);
      expect(unit).toMatch(/^WatchdogSec=\d+$/m);
      expect(unit).toMatch(/^Restart=always$/m);
      expect(unit).toMatch(/^ProtectSystem=strict$/m);
      expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
      expect(unit).toMatch(
        /^ExecStart=\/usr\/bin\/node .*\/opt\/branch-kiosk\/current\/services\/\w+\.mjs$/m,
      );
    }
    expect(agent).toMatch(/^DevicePolicy=closed$/m);
    for (const device of ['char-hidraw', 'char-ttyUSB', 'char-ttyACM', 'char-gpiochip']) {
      expect(agent).toContain(`DeviceAllow=${device} rw`);
    }
    expect(hub).toMatch(/^PrivateDevices=yes$/m);
    expect(shell).toMatch(/^User=branch-kiosk-shell$/m);
    expect(shell).toMatch(
      /^ExecStart=\/usr\/bin\/cage -d -- \/opt\/branch-kiosk\/current\/deploy\/kiosk\/branch-kiosk-shell$/m,
    );
    // The shell and the central hub do not ping, so they have no watchdog.
    expect(shell).not.toMatch(/WatchdogSec/);
    expect(central).toMatch(/^Type=simple$/m);
    expect(central).not.toMatch(/^WatchdogSec/m);
    expect(central).toMatch(/^User=branch-kiosk$/m);
    expect(central).toMatch(/^ExecStart=\/usr\/bin\/node .*\/services\/hub-central\.mjs$/m);
    // Node services run as the launcher runs them: its node flags and its allocator setting.
    const compose = readFileSync(join(repoRoot, 'deploy/central/compose.yaml'), 'utf8');
    for (const unit of [hub ?? '', agent ?? '', central ?? '']) {
      expect(unit).toContain(`ExecStart=/usr/bin/node ${SERVICE_NODE_ARGS.join(' ')} /`);
      expect(unit).toMatch(new RegExp(`^Environment=GLIBC_TUNABLES=${SERVICE_MALLOC_TUNABLE}$`, 'm'));
      // Before the operator's environment file, which may override it.
      expect(unit.indexOf('GLIBC_TUNABLES')).toBeLessThan(unit.indexOf('EnvironmentFile='));
    }
    expect(compose).toContain(`command: ['node', ${SERVICE_NODE_ARGS.map((a) => `'${a}'`).join(', ')},`);
    expect(compose).toContain(`GLIBC_TUNABLES: ${SERVICE_MALLOC_TUNABLE}`);
  });

  it('makes the service users with systemd-sysusers in that root', () => {
    const root = mkdtempSync(join(tmpdir(), 'branch-destdir-'));
    expect(install(release.dir, { DESTDIR: root }).code).toBe(0);
    const r = spawnSync(
      'systemd-sysusers',
      [`--root=${root}`, join(root, 'etc/sysusers.d/branch-kiosk.conf')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const passwd = readFileSync(join(root, 'etc/passwd'), 'utf8');
    expect(passwd).toMatch(/^branch-kiosk:x:\d+:\d+:Branch kiosk services:\/var\/lib\/branch-kiosk:/m);
    expect(passwd).toMatch(/^branch-kiosk-shell:x:\d+:\d+:Branch kiosk screen:/m);
    const uid = Number(/^branch-kiosk:x:(\d+):/m.exec(passwd)?.[1]);
    expect(uid).toBeGreaterThan(0);
    expect(readFileSync(join(root, 'etc/group'), 'utf8')).toMatch(/^video:x:\d+:branch-kiosk-shell$/m);
  });

  it('a second install under another prefix switches current and keeps the operator configuration', () => {
    const root = mkdtempSync(join(tmpdir(), 'branch-destdir-'));
    const env = { DESTDIR: root, PREFIX: '/srv/kiosk' };
    expect(install(release.dir, env).code).toBe(0);
    const edited = JSON.stringify({ agent: { kioskId: 'kiosk-7' } });
    writeFileSync(join(root, 'etc/branch-kiosk/kiosk.config.json'), edited);
    const next = releaseCopy(release, mkdtempSync(join(tmpdir(), 'branch-next-')), 'test-2');
    const { code, out } = install(next, env);
    expect(code, out).toBe(0);
    expect(readlinkSync(join(root, 'srv/kiosk/current'))).toBe('releases/test-2');
    expect(readdirSync(join(root, 'srv/kiosk/releases')).sort()).toEqual([RELEASE_VERSION, 'test-2']);
    expect(readFileSync(join(root, 'etc/branch-kiosk/kiosk.config.json'), 'utf8')).toBe(edited);
    const hub = readFileSync(join(root, 'etc/systemd/system/branch-hub.service'), 'utf8');
    expect(hub).toContain(
      'ExecStart=/usr/bin/node --max-semi-space-size=2 /srv/kiosk/current/services/hub.mjs',
    );
    expect(hub).not.toContain('/opt/branch-kiosk');
  });

  it('refuses a folder that is not a release, naming what is missing', () => {
    const fake = mkdtempSync(join(tmpdir(), 'branch-fake-'));
    spawnSync('cp', ['-r', join(release.dir, 'deploy'), fake]);
    writeFileSync(join(fake, 'release.json'), '{ "version": "x1" }\n');
    const { code, out } = install(fake, { DESTDIR: mkdtempSync(join(tmpdir(), 'branch-destdir-')) });
    expect(code).toBe(1);
    expect(out).toMatch(/is not a release folder \(no services\/hub\.mjs\)/);
  });
});
