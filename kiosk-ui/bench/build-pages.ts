// Builds the benchmark pages (bench/pages/*.html) with Vite into a temporary folder, production mode,
// the same way the kiosk itself is built (with the face landmarker's model and wasm under /assets/). Kept
// apart from vite.config.ts so the product build stays clean.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { emotionAssets } from '../vite.config.ts';

export async function buildBenchPages(): Promise<string> {
  const root = fileURLToPath(new URL('./pages/', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  await build({
    configFile: false,
    root,
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    plugins: [emotionAssets()],
    worker: { format: 'es' },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 2000,
      rolldownOptions: {
        input: {
          'avatar-frames': join(root, 'avatar-frames.html'),
          'emotion-faces': join(root, 'emotion-faces.html'),
          'human-peer': join(root, 'human-peer.html'),
        },
      },
    },
  });
  return outDir;
}
