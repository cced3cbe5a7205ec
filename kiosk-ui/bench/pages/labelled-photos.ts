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
