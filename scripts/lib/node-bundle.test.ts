// The service bundler: an entry naming `new URL('./NAME-thread.ts', import.meta.url)` gets NAME-thread.mjs
// bundled beside it, its URL pointed there (the serial port's thread here); source maps in files beside them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { bundleForNode } from './node-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'node-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('bundles a worker thread entry of its own beside the service and points the URL at it', async () => {
  const entry = fileURLToPath(new URL('../../firmware-bridge/src/transport/serial.ts', import.meta.url));
  await bundleForNode(entry, join(dir, 'service.mjs'));
  const service = readFileSync(join(dir, 'service.mjs'), 'utf8');
  expect(service).toContain('new URL("./port-thread.mjs", import.meta.url)');
  expect(service).not.toContain('port-thread.ts');
  expect(existsSync(join(dir, 'port-thread.mjs'))).toBe(true);
  // The thread's bundle holds its own code, not the service's.
  const thread = readFileSync(join(dir, 'port-thread.mjs'), 'utf8');
  expect(thread).toContain('runs as a worker thread only');
  expect(thread).not.toContain('class SerialTransport');
});

it('keeps the source map in a file beside each bundle, out of the module text the process holds', () => {
  for (const name of ['service.mjs', 'port-thread.mjs']) {
    const text = readFileSync(join(dir, name), 'utf8');
    expect(text).not.toContain('data:application/json');
    expect(text.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`)).toBe(true);
    const map = JSON.parse(readFileSync(join(dir, `${name}.map`), 'utf8')) as { sources: string[] };
    expect(map.sources.some((s) => s.endsWith('.ts'))).toBe(true);
  }
});
