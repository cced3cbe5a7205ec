// Production bundle per page: every file under /assets/ that the page actually loads in Chromium (static
// imports, CSS, and the chunks pixi.js and three load on demand), gzip-compressed (level 6, as servers do).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../test/browser/static-server.ts';
import type { Figure } from './figure.ts';
import { round } from './stats.ts';

const NAMES: Record<string, string> = { index: 'kiosk' };

export async function bundleFigures(browser: Browser, dist: string): Promise<Figure[]> {
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`${dist} has no build: run npm run build -w kiosk-ui`);
  const server = await serveStatic(dist);
  const figures: Figure[] = [];
  try {
    for (const html of readdirSync(dist)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
      const loaded = new Set<string>([html]);
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/assets/')) loaded.add(path.slice(1));
      });
      await page.goto(`${server.url}/${html}`);
      // Let on-demand chunks (renderers) load.
      await page.waitForTimeout(2500);
      await page.close();
      let bytes = 0;
      for (const file of loaded) bytes += gzipSync(readFileSync(join(dist, file))).length;
      const base = html.replace(/\.html$/, '');
      figures.push({
        name: `bundle_gzip_kb_${NAMES[base] ?? base}`,
        value: round(bytes / 1024, 1),
        unit: 'KiB',
        target: 'report',
        how: `${html} and the ${loaded.size - 1} assets it loads in Chromium, each gzip level 6, summed`,
      });
    }
  } finally {
    await server.close();
  }
  return figures;
}
