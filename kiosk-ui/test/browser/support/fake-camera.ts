// A fake camera stream for Chromium (--use-file-for-fake-video-capture) made at test time from labelled
// photos with Debian's ffmpeg: each photo letterboxed into 640x480 for a few seconds, as .y4m (raw, so
// the file is made under test-output/ and never committed).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function makeFakeCamera(photos: string[], out: string, secondsEach = 2, fps = 5): string {
  if (photos.length === 0) throw new Error('a fake camera needs at least one photo');
  mkdirSync(dirname(out), { recursive: true });
  const inputs = photos.flatMap((p) => ['-loop', '1', '-t', String(secondsEach), '-i', p]);
  const frame =
    'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2:color=gray';
  const scaled = photos.map((_, i) => `[${i}:v]${frame},setsar=1,fps=${fps},format=yuv420p[v${i}]`);
  const concat = `${photos.map((_, i) => `[v${i}]`).join('')}concat=n=${photos.length}:v=1:a=0[out]`;
  try {
    execFileSync(
      'ffmpeg',
      [
        '-y',
        '-loglevel',
        'error',
        ...inputs,
        '-filter_complex',
        [...scaled, concat].join(';'),
        '-map',
        '[out]',
        out,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (err) {
    const why =
      (err as { code?: string }).code === 'ENOENT' ? 'ffmpeg not found: apt-get install ffmpeg' : String(err);
    throw new Error(`making the fake camera ${out} failed: ${why}`);
  }
  return out;
}

export const facePhoto = (facesDir: string, file: string): string => join(facesDir, file);
