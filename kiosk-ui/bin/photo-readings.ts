// The blendshapes and head pose of every labelled photo of a folder (labels.json beside them), read by the
// real face landmarker in Debian's Chromium through the bench's photo page.
import type { PhotoReading } from '../bench/emotion-answers.ts';
import { serveEmotionPages } from '../bench/emotion-pages.ts';
import { launchChromium } from '../test/browser/support/chromium.ts';

export async function readPhotos(dir: string): Promise<PhotoReading[]> {
  const pages = await serveEmotionPages(dir);
  const browser = await launchChromium();
  try {
    return await pages.run<PhotoReading[]>(browser, 'emotion-faces.html', 'task=photos');
  } finally {
    await browser.close();
    await pages.close();
  }
}
