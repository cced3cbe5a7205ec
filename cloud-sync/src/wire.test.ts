// The wire module is the one cloud-sync module kiosk-ui bundles as values: it must import nothing,
// and each client path must be a route the hub mounts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EVENTS_PATH,
  HANDOFF_WS_PATH,
  HUB_MOUNTS,
  HUB_PATHS,
  HUB_ROUTES,
  agentConversationPath,
} from './wire.ts';

describe('wire', () => {
  it('imports nothing, so the browser bundle takes no Node code with it', () => {
    const source = readFileSync(new URL('./wire.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*(import|export)\s[^;]*\sfrom\s/m);
  });

  it('builds every full path from a mount and a route', () => {
    const full = new Set(
      Object.entries(HUB_ROUTES).flatMap(([group, routes]) =>
        Object.values(routes).map((r) => `${HUB_MOUNTS[group as keyof typeof HUB_MOUNTS]}${r}`),
      ),
    );
    for (const path of [...Object.values(HUB_PATHS), EVENTS_PATH, HANDOFF_WS_PATH])
      expect(full).toContain(path);
    expect(HANDOFF_WS_PATH).toBe('/api/handoff/ws');
    expect(agentConversationPath('a/b')).toBe('/api/agent/conversations/a%2Fb');
  });
});
