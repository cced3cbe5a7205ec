// `npm run package`: a self-contained release folder and tarball: the services bundled for plain node,
// the built pages, the node_modules they need (native modules built for this machine's Node and CPU), and
// the deploy/ tree (systemd units, udev rules, kiosk shell, install and update scripts).
//   npm run package [-- --out DIR] [--no-build] [--no-tar] [--version V]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleForNode } from './lib/node-bundle.ts';
import { copyPackages, runtimePackages } from './lib/release-modules.ts';
import { RELEASE_PART_DATA, RELEASE_SERVICES } from './lib/release-layout.ts';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: join(root, 'release') },
    'no-build': { type: 'boolean', default: false },
    'no-tar': { type: 'boolean', default: false },
    version: { type: 'string' },
  },
});

function run(command: string, args: string[], cwd = root): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status})`);
  return r.stdout.trim();
}

function releaseVersion(): string {
  if (values.version !== undefined) return values.version;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '.');
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return `${stamp}-${commit.status === 0 ? commit.stdout.trim() : 'nogit'}`;
}

async function main(): Promise<void> {
  const version = releaseVersion();
  if (!/^[A-Za-z0-9._+-]+$/.test(version))
    throw new Error(`version ${version}: letters, digits, . _ + - only`);
  const outDir = resolve(values.out);
  const dir = join(outDir, `branch-kiosk-${version}`);
  const pages = join(root, 'kiosk-ui', 'dist');
  if (!values['no-build']) run('npm', ['run', 'build', '-w', 'kiosk-ui']);
  if (!existsSync(join(pages, 'index.html')))
    throw new Error(`no built pages in ${pages}: run npm run build`);

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'services'), { recursive: true });
  const externals = new Set<string>();
  for (const [name, entry] of Object.entries(RELEASE_SERVICES)) {
    for (const s of await bundleForNode(join(root, entry), join(dir, 'services', `${name}.mjs`)))
      externals.add(s);
  }
  const packages = runtimePackages(externals, root);
  copyPackages(packages, root, dir);
  for (const part of RELEASE_PART_DATA) {
    const into = join(dir, 'node_modules', part.name);
    for (const f of part.files) cpSync(join(root, part.from, f), join(into, f));
    const pkg = { name: part.name, private: true, type: 'module', exports: part.exports };
    writeFileSync(join(into, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  }
  cpSync(pages, join(dir, 'pages'), { recursive: true });
  // deploy/ without its own tests.
  cpSync(join(root, 'deploy'), join(dir, 'deploy'), {
    recursive: true,
    filter: (src) => !src.startsWith(join(root, 'deploy', 'test')),
  });
  cpSync(join(root, 'README.md'), join(dir, 'README.md'));
  // The release runs its bundles as ES modules.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  const manifest = {
    version,
    commit: spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
    builtAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    services: Object.keys(RELEASE_SERVICES).map((n) => `services/${n}.mjs`),
    packages: packages.length,
  };
  writeFileSync(join(dir, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`package: ${dir} (${packages.length} packages, node ${process.version}, ${manifest.platform})`);
  if (!values['no-tar']) {
    const tarball = `${dir}.tar.gz`;
    run('tar', ['-czf', tarball, '-C', outDir, `branch-kiosk-${version}`]);
    console.log(`package: ${tarball}`);
  }
}

main().catch((err: unknown) => {
  console.error(`package: ${(err as Error).message}`);
  process.exit(1);
});
