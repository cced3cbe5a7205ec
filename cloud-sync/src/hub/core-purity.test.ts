// The hub core must run on Deno and other Web-standard runtimes (issue 5): follow every import from
// app.ts and seed.ts and refuse Node built-ins and Node-only packages anywhere in that graph.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const NODE_ONLY = ['better-sqlite3', 'ws', '@hono/node-server', '@hono/node-ws', 'pg'];
const here = dirname(fileURLToPath(import.meta.url));

function externalImports(entry: string): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1] as string;
      if (/^\s*(?:import|export)\s+type\s/.test(m[0])) continue; // erased at runtime
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else found.set(spec, file);
    }
  };
  visit(resolve(here, entry));
  return found;
}

describe('hub core', () => {
  it.each(['app.ts', 'seed.ts', 'sockets.ts'])('%s imports nothing Node-only', (entry) => {
    const externals = externalImports(entry);
    expect(externals.has(entry === 'sockets.ts' ? 'hono' : 'zod')).toBe(true); // the scan went deep
    const bad = [...externals].filter(([spec]) => spec.startsWith('node:') || NODE_ONLY.includes(spec));
    expect(bad).toEqual([]);
  });

  it('the scan does see Node-only imports (the Node entry has them)', () => {
    const externals = externalImports('serve/node.ts');
    expect(externals.has('@hono/node-server')).toBe(true);
    expect(externals.has('@hono/node-ws')).toBe(true);
    expect(externals.has('better-sqlite3')).toBe(true);
  });
});
