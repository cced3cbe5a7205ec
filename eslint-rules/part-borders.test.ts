// The border rule catches what DESIGN.md forbids: lint fails on planted imports, and passes the allowed ones.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function problems(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath: file });
  return (r?.messages ?? []).filter((m) => m.ruleId === 'branch/part-borders').map((m) => m.message);
}

describe('part borders', () => {
  it('refuses a relative path that leaves a part', async () => {
    const m = await problems(
      'cloud-sync/src/hub/x.ts',
      "export { a } from '../../../device-agent/src/index.ts';\n",
    );
    expect(m.join()).toMatch(/cloud-sync may not reach into device-agent/);
  });

  it('refuses what the border table forbids, in device-agent too', async () => {
    expect(await problems('device-agent/src/x.ts', "export * from '@branch/kiosk-ui';\n")).toHaveLength(1);
    expect(await problems('firmware-bridge/src/x.ts', "export * from '@branch/cloud-sync';\n")).toHaveLength(
      1,
    );
    expect(await problems('avatar/src/x.ts', "export * from '@branch/device-agent';\n")).toHaveLength(1);
  });

  it('refuses a deep import past the public entry', async () => {
    const m = await problems(
      'device-agent/src/x.ts',
      "export * from '@branch/cloud-sync/src/hub/node.ts';\n",
    );
    expect(m.join()).toMatch(/not a public entry/);
  });

  it('lets kiosk-ui take device-agent as types only', async () => {
    expect(
      await problems(
        'kiosk-ui/src/x.ts',
        "import { startAgent } from '@branch/device-agent';\nstartAgent;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'kiosk-ui/src/x.ts',
        "import type { KioskMessage } from '@branch/device-agent';\nexport type K = KioskMessage;\n",
      ),
    ).toEqual([]);
  });

  it('lets kiosk-ui take the hub paths of cloud-sync/wire as values, and nothing else of cloud-sync', async () => {
    expect(
      await problems(
        'kiosk-ui/src/x.ts',
        "import { HUB_PATHS } from '@branch/cloud-sync/wire';\nHUB_PATHS;\n",
      ),
    ).toEqual([]);
    expect(
      await problems('kiosk-ui/src/x.ts', "import { startHub } from '@branch/cloud-sync/hub';\nstartHub;\n"),
    ).toHaveLength(1);
    expect(
      await problems('kiosk-ui/src/x.ts', "import { HUB_PATHS } from '@branch/cloud-sync';\nHUB_PATHS;\n"),
    ).toHaveLength(1);
  });

  it('passes the allowed imports', async () => {
    expect(
      await problems('device-agent/src/x.ts', "export { openArm } from '@branch/firmware-bridge';\n"),
    ).toEqual([]);
    expect(await problems('kiosk-ui/src/x.ts', "export * from '@branch/avatar/overlay-theme';\n")).toEqual(
      [],
    );
  });
});
