// Reads screenshots inside the page itself (Chromium decodes the PNG): the distinct colours, so a blank
// or single-colour canvas can be told from a rendered scene, and how much of the avatar is a face.
import type { Page } from 'playwright-core';

export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64: string) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return 0;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    return seen.size;
  }, png.toString('base64'));
}

/** Share of the avatar element's pixels that are warm (skin, hair, lips) rather than the blue-grey backdrop. */
export async function warmPixelShare(page: Page): Promise<number> {
  const png = await page.getByTestId('avatar').screenshot();
  return page.evaluate(async (b64) => {
    const blob = await (await fetch(`data:image/png;base64,${b64}`)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let warm = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i]! > data[i + 2]! + 30) warm++;
    return warm / (data.length / 4);
  }, png.toString('base64'));
}
