// Which renderer draws the face (WebGL, else the pixi.js 2D fallback), how often it may draw, and
// the canvas it draws on, styled to fill its container.
import type { FaceRenderer } from './face-renderer.ts';
import { PixiFaceRenderer } from './pixi-face-renderer.ts';
import { WebGLFaceRenderer } from './webgl-renderer.ts';
import type { AvatarOptions } from '../types.ts';

export function pickRenderer(preference: AvatarOptions['renderer'], adaptiveResolution = true): FaceRenderer {
  if (preference !== 'fallback2d') {
    try {
      return new WebGLFaceRenderer(adaptiveResolution);
    } catch (err) {
      if (preference === 'webgl') throw err;
      console.warn('avatar: WebGL unavailable, using the 2D fallback');
    }
  }
  return new PixiFaceRenderer();
}

/**
 * 30 fps is plenty for a face. Software WebGL gets 10: measured in headless Chromium with SwiftShader,
 * each presented frame costs ~40 ms of CPU, nearly all of it reading the canvas back for the software
 * compositor, and the device-agent on the same machine needs that CPU for its 50 ms heartbeat.
 */
export function defaultFps(face: FaceRenderer): number {
  if (!face.software) return 30;
  return face.kind === 'webgl' ? 10 : 15;
}

/** Makes the face's canvas fill its container and read as one image to assistive technology. */
export function styleFaceCanvas(face: FaceRenderer): HTMLCanvasElement {
  const canvas = face.canvas;
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = '100%';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', 'Virtual assistant');
  canvas.dataset.renderer = face.kind;
  return canvas;
}
