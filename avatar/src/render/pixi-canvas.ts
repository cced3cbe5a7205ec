// The one way avatar code starts a pixi.js application: on a given canvas, transparent, started by hand
// (the caller draws only when something changed), on pixi's Canvas renderer so it works without WebGL.
import type { Application } from 'pixi.js';

export function initCanvasApp(app: Application, canvas: HTMLCanvasElement): Promise<void> {
  return app.init({
    canvas,
    width: 1,
    height: 1,
    backgroundAlpha: 0,
    antialias: true,
    autoStart: false,
    preference: ['canvas'],
    resolution: Math.min(globalThis.devicePixelRatio || 1, 2),
  });
}
