// The blendshapes and head pose of every labelled photo of a folder (labels.json beside them), read by the
// real face landmarker in Debian's Chromium through the bench's photo page; with the peer's top emotion
// on the same photos when asked.
import type { FaceReading } from '../src/emotion/cue-model.ts';
import { serveEmotionPages } from '../bench/emotion-pages.ts';
import { launchChromium } from '../test/browser/support/chromium.ts';

export interface PhotoReading {
  file: string;
  label: string;
  face: FaceReading | null;
}

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
