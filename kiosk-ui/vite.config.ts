// Three pages built to dist/: the kiosk (served by the device-agent at /), the simulation panel
// (device-agent, /sim) and the remote-agent console (hub, /agent). Assets go to dist/assets/, among them
// the face landmarker's model and MediaPipe's wasm runtime (emotionAssets), so the kiosk loads them from
// its own origin, never a CDN; the model's sha256 is checked here at build time (and again by the worker).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { EMOTION_ASSETS, FACE_MODEL_SHA256 } from './src/emotion/assets.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const MODEL_FILE = join(root, 'models', 'face_landmarker.task');

/** The model's bytes, refused when they are not the file the NOTICE names. */
export function readFaceModel(): Buffer {
  const bytes = readFileSync(MODEL_FILE);
  const sum = createHash('sha256').update(bytes).digest('hex');
  if (sum !== FACE_MODEL_SHA256) {
    throw new Error(`${MODEL_FILE}: sha256 ${sum}, expected ${FACE_MODEL_SHA256} (see models/NOTICE)`);
  }
  return bytes;
}

/** The npm package's own wasm loader and binary (the ES-module build, which a module worker can import). */
function wasmFiles(): { name: string; path: string }[] {
  const require = createRequire(import.meta.url);
  return EMOTION_ASSETS.wasmFiles.map((name) => ({
    name,
    path: require.resolve(`@mediapipe/tasks-vision/${name}`),
  }));
}

export function emotionAssets(): Plugin {
  return {
    name: 'branch-emotion-assets',
    generateBundle() {
      const strip = (url: string): string => url.replace(/^\//, '');
      this.emitFile({ type: 'asset', fileName: strip(EMOTION_ASSETS.modelUrl), source: readFaceModel() });
      for (const f of wasmFiles()) {
        this.emitFile({
          type: 'asset',
          fileName: `${strip(EMOTION_ASSETS.wasmBase)}/${f.name}`,
          source: readFileSync(f.path),
        });
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  // No public dir and no network: the build only reads this folder and the avatar part.
  publicDir: false,
  logLevel: 'warn',
  plugins: [emotionAssets()],
  // The emotion worker is an ES module (it imports MediaPipe's ES-module wasm loader).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    target: 'es2022',
    // three.js is large by nature; the kiosk loads it once from 127.0.0.1.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        sim: fileURLToPath(new URL('sim.html', import.meta.url)),
        agent: fileURLToPath(new URL('agent.html', import.meta.url)),
        tech: fileURLToPath(new URL('tech.html', import.meta.url)),
      },
    },
  },
  server: {
    // `npm run dev`: proxy the agent's WebSocket and sim API, so the pages work as when served by it.
    proxy: {
      '/ws': { target: process.env.DEVICE_AGENT_URL ?? 'http://127.0.0.1:8080', ws: true },
      '/kiosk/boot': { target: process.env.DEVICE_AGENT_URL ?? 'http://127.0.0.1:8080' },
      '/sim/api': { target: process.env.DEVICE_AGENT_URL ?? 'http://127.0.0.1:8080' },
      '/api/agent': { target: process.env.HUB_URL ?? 'http://127.0.0.1:8090' },
    },
  },
});
