import { describe, expect, it } from 'vitest';
import { recordingMimeType } from './call-recorder.ts';

describe('recordingMimeType', () => {
  it('prefers VP8 with Opus, then VP9, then any WebM', () => {
    expect(recordingMimeType(true, () => true)).toBe('video/webm;codecs=vp8,opus');
    expect(recordingMimeType(true, (t) => !t.includes('vp8'))).toBe('video/webm;codecs=vp9,opus');
    expect(recordingMimeType(true, (t) => t === 'video/webm')).toBe('video/webm');
  });

  it('records the voices alone as Opus in WebM when the customer has no camera', () => {
    expect(recordingMimeType(false, () => true)).toBe('audio/webm;codecs=opus');
  });

  it('says so when the browser can record no WebM', () => {
    expect(recordingMimeType(true, () => false)).toBeNull();
    expect(recordingMimeType(false, (t) => t.startsWith('video/'))).toBeNull();
  });
});
