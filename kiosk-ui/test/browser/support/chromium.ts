// Debian's Chromium driven by playwright-core, with the flags this machine needs (no network, no GPU:
// WebGL runs on SwiftShader).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
];

/** Audio plays without a user gesture, as on the kiosk (its shell starts Chromium with this flag too). */
export const AUTOPLAY_ARGS = ['--autoplay-policy=no-user-gesture-required'];

/** Camera and microphone without a person or a device: Chromium's test pattern and beep, no prompt. */
export const FAKE_MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** Chromium's fake camera playing a .y4m file (and camera permission granted without a prompt). */
export function fakeCameraArgs(y4mFile: string): string[] {
  return [...FAKE_MEDIA_ARGS, `--use-file-for-fake-video-capture=${y4mFile}`];
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: install it with \`apt-get install chromium\``);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
