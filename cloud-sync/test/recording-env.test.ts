// HUB_RECORDING, HUB_RECORDING_RETENTION_DAYS and HUB_RECORDING_MAX_MB as the hub entry reads them.
import { describe, expect, it } from 'vitest';
import { recordingFromEnv } from '../bin/hub-env.ts';

describe('recordingFromEnv', () => {
  it('records no calls unless HUB_RECORDING is 1', () => {
    expect(recordingFromEnv({})).toBeUndefined();
    expect(recordingFromEnv({ HUB_RECORDING: '0', HUB_RECORDING_RETENTION_DAYS: '30' })).toBeUndefined();
  });

  it('takes the retention in days and the cap in MiB', () => {
    expect(recordingFromEnv({ HUB_RECORDING: '1' })).toEqual({});
    expect(
      recordingFromEnv({ HUB_RECORDING: '1', HUB_RECORDING_RETENTION_DAYS: '30', HUB_RECORDING_MAX_MB: '2' }),
    ).toEqual({ retentionDays: 30, maxBytes: 2 * 1024 * 1024 });
  });

  it('refuses a retention that is not a positive whole number', () => {
    expect(() => recordingFromEnv({ HUB_RECORDING: '1', HUB_RECORDING_RETENTION_DAYS: '0' })).toThrow(
      /HUB_RECORDING_RETENTION_DAYS/,
    );
  });
});
