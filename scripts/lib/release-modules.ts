// The node_modules a release needs: the packages its bundles leave external (native modules and the
// rest of the runtime dependencies) and everything they depend on, found the way Node resolves them.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** `pino/file` -> `pino`; `@scope/pkg/x` -> `@scope/pkg`. */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

/** The folder of package `name` as Node would find it from `fromDir` (walking up node_modules). */
function locate(name: string, fromDir: string, root: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/**
 * Every package folder (relative to `root`) needed to run code that imports `specifiers` from `root`:
 * dependencies and the optional ones that are installed (a native module's prebuilt binary for this
 * platform). Missing required packages throw; a missing optional one is another platform's.
 */
export function runtimePackages(specifiers: Iterable<string>, root: string): string[] {
  const found = new Set<string>();
  const visit = (name: string, fromDir: string, optional: boolean): void => {
    const dir = locate(name, fromDir, root);
    if (dir === null) {
      if (optional) return;
      throw new Error(`package ${name} (needed from ${relative(root, fromDir) || '.'}) is not installed`);
    }
    const rel = relative(root, dir);
    if (found.has(rel)) return;
    found.add(rel);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  for (const s of new Set([...specifiers].map(packageNameOf))) visit(s, root, false);
  return [...found].sort();
}

/** A native module's compiler leftovers (objects, archives, dependency files): not needed to run it. */
const BUILD_LEFTOVER = /\/build\/(?:[^/]+\/)*(?:obj\.target|obj|\.deps)(?:\/|$)|\/build\/.*\.(?:o|a)$/;

/** Copies the packages into `dest`, keeping their nesting (a/node_modules/b stays under a). */
export function copyPackages(packages: string[], root: string, dest: string): void {
  for (const rel of packages) {
    // Nested ones are copied with their parent already.
    if (packages.some((p) => p !== rel && rel.startsWith(`${p}/`))) continue;
    if (!rel.startsWith('node_modules/')) {
      throw new Error(`${rel}: a workspace's own node_modules; the release has one node_modules folder`);
    }
    cpSync(join(root, rel), join(dest, rel), {
      recursive: true,
      dereference: true,
      filter: (src) => !BUILD_LEFTOVER.test(src),
    });
  }
}
