// Serves the agent console built by kiosk-ui (Vite layout: agent.html + assets/...). Node only.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { API_SECURITY_HEADERS, PAGE_SECURITY_HEADERS } from './security-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
  '.glb': 'model/gltf-binary',
};

/** Returns a handler that answers GET /agent and /assets/*, or null for every other request. */
export function staticConsole(staticDir: string): (req: Request) => Promise<Response | null> {
  const root = resolve(staticDir);
  const assets = join(root, 'assets');
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return null;
    const path = new URL(req.url).pathname;
    if (path === '/agent' || path === '/agent/' || path === '/agent.html') {
      return file(join(root, 'agent.html'), 'no-cache', req.method);
    }
    if (!path.startsWith('/assets/')) return null;
    let rel: string;
    try {
      rel = decodeURIComponent(path.slice('/assets/'.length));
    } catch {
      return new Response('bad path', { status: 400, headers: { ...API_SECURITY_HEADERS } });
    }
    const target = resolve(assets, rel);
    // Refuse anything that resolves outside the assets folder (../ tricks).
    if (!target.startsWith(assets + sep))
      return new Response('not found', { status: 404, headers: { ...API_SECURITY_HEADERS } });
    // Vite names assets by content hash, so they never change under the same name.
    return file(target, 'public, max-age=31536000, immutable', req.method);
  };
}

async function file(path: string, cacheControl: string, method: string): Promise<Response> {
  try {
    const info = await stat(path);
    if (!info.isFile())
      return new Response('not found', { status: 404, headers: { ...API_SECURITY_HEADERS } });
    const headers = {
      ...PAGE_SECURITY_HEADERS,
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControl,
      'content-length': String(info.size),
    };
    if (method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(new Uint8Array(await readFile(path)), { status: 200, headers });
  } catch {
    return new Response('not found', { status: 404, headers: { ...API_SECURITY_HEADERS } });
  }
}
