// Bundles a service entry and the parts it uses (their TypeScript sources) into one ES module that plain
// `node` runs, with every npm package left external. Services then run without the tsx loader, which
// alone costs about 70 MB of resident memory per process.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Bare imports stay external (resolved from node_modules at run time), except the parts themselves. */
function externalPackages(seen: Set<string>): Plugin {
  return {
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@branch/')) return undefined;
        if (!args.path.startsWith('node:')) seen.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
}

/** A worker thread's entry as the sources name it: `new URL('./NAME-thread.ts', import.meta.url)`. */
const THREAD_ENTRY = /new URL\(\s*'\.\/([\w-]+-thread)\.ts'\s*,\s*import\.meta\.url\s*\)/g;

/**
 * Worker threads: esbuild leaves `new URL(..., import.meta.url)` alone, and in a bundle that URL would point
 * next to the bundle. Each such entry becomes a bundle of its own there (NAME-thread.mjs), and the URL is
 * rewritten to name it.
 */
function threadEntries(found: Map<string, string>): Plugin {
  return {
    name: 'thread-entries',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('-thread.ts')) return undefined;
        const contents = text.replace(THREAD_ENTRY, (_m, name: string) => {
          const source = resolve(dirname(args.path), `${name}.ts`);
          const seen = found.get(name);
          if (seen !== undefined && seen !== source) throw new Error(`two thread entries named ${name}`);
          found.set(name, source);
          return `new URL('./${name}.mjs', import.meta.url)`;
        });
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Writes the bundle atomically, so that branches starting side by side never run a half-written file; the
 * worker threads the sources start get bundles of their own beside it. Resolves with the bare specifiers
 * left external by the bundle and its threads (what node_modules must hold to run them).
 */
export async function bundleForNode(entry: string, outfile: string): Promise<Set<string>> {
  const externals = new Set<string>();
  const threads = new Map<string, string>();
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Beside the bundle, not inline: an inline map is part of the module's source text, which V8 keeps
    // in the heap for the life of the process (about 5 MB of the agent's). Node reads the file only when run
    // with --enable-source-maps.
    sourcemap: 'linked',
    write: false,
    logLevel: 'silent',
    // CommonJS packages bundled into ESM may still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
    },
    plugins: [externalPackages(externals), threadEntries(threads)],
  });
  const file = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  if (file === undefined || map === undefined) throw new Error(`esbuild wrote nothing for ${entry}`);
  // The threads first: the service must never start before the files it starts threads from exist.
  for (const [name, source] of threads) {
    if (basename(outfile) === `${name}.mjs`) continue;
    for (const e of await bundleForNode(source, join(dirname(outfile), `${name}.mjs`))) externals.add(e);
  }
  writeAtomically(`${outfile}.map`, map.contents);
  writeAtomically(outfile, file.contents);
  return externals;
}

function writeAtomically(outfile: string, contents: Uint8Array): void {
  mkdirSync(dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, outfile);
}
