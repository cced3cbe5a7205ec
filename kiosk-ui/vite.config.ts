// Three pages built to dist/: the kiosk (served by the device-agent at /), the simulation panel
// (device-agent, /sim) and the remote-agent console (hub, /agent). Assets go to dist/assets/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  // No public dir and no network: the build only reads this folder and the avatar part.
  publicDir: false,
  logLevel: 'warn',
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
      '/sim/api': { target: process.env.DEVICE_AGENT_URL ?? 'http://127.0.0.1:8080' },
      '/api/agent': { target: process.env.HUB_URL ?? 'http://127.0.0.1:8090' },
    },
  },
});
