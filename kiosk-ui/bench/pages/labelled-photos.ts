// The labelled photos (served at /faces/ by the test or bench), a 640x480 letterboxed frame of one, and
// the result of the task the page was opened for (?task=), for the emotion test and benchmark pages.
export interface LabelledPhoto {
  file: string;
  label: string;
  img: HTMLImageElement;
}

export async function labelledPhotos(): Promise<LabelledPhoto[]> {
  const labels = (await (await fetch('/faces/labels.json')).json()) as Record<string, string>;
  return Promise.all(
    Object.entries(labels).map(async ([file, label]) => {
      const img = new Image();
      img.src = `/faces/${file}`;
      await img.decode();
      return { file, label, img };
    }),
  );
}

/** Photos whose shorter side is below this are scaled up and framed for the landmarker: its face detector
 * misses faces cropped tight to a few dozen pixels; in a kiosk camera frame (640x480) a customer's face is
 * larger and has room around it. */
export const MIN_PHOTO_SIDE = 160;
/** Room added around a small photo, as a share of its scaled size on each side (grey, like letterbox). */
const SMALL_PHOTO_MARGIN = 0.3;

/** The photo itself, or scaled up to MIN_PHOTO_SIDE on its shorter side and framed when it is smaller. */
export function photoInput(img: HTMLImageElement): HTMLImageElement | HTMLCanvasElement {
  const side = Math.min(img.naturalWidth, img.naturalHeight);
  if (side >= MIN_PHOTO_SIDE) return img;
  const s = MIN_PHOTO_SIDE / side;
  const [w, h] = [img.naturalWidth * s, img.naturalHeight * s];
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * (1 + 2 * SMALL_PHOTO_MARGIN));
  canvas.height = Math.round(h * (1 + 2 * SMALL_PHOTO_MARGIN));
  const g = canvas.getContext('2d')!;
  g.fillStyle = '#808080';
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.imageSmoothingQuality = 'high';
  g.drawImage(img, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
  return canvas;
}

/** The photo scaled into a 640x480 frame on grey, as a camera at the kiosk would frame a face. */
export function letterbox(
  img: HTMLImageElement,
  canvas = document.createElement('canvas'),
): HTMLCanvasElement {
  canvas.width = 640;
  canvas.height = 480;
  const g = canvas.getContext('2d')!;
  const s = Math.min(640 / img.naturalWidth, 480 / img.naturalHeight);
  const w = img.naturalWidth * s;
  const h = img.naturalHeight * s;
  g.fillStyle = '#808080';
  g.fillRect(0, 0, 640, 480);
  g.drawImage(img, (640 - w) / 2, (480 - h) / 2, w, h);
  return canvas;
}

/** Runs the task named by ?task= (its other parameters go with it) and puts its promise in __result. */
export function publishResult(tasks: Record<string, (params: URLSearchParams) => Promise<unknown>>): void {
  const params = new URLSearchParams(location.search);
  const task = tasks[params.get('task') ?? ''];
  Object.assign(globalThis, {
    __result: task ? task(params) : Promise.reject(new Error(`unknown task ${params.get('task')}`)),
  });
}
