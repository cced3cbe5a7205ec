import { describe, expect, it } from 'vitest';
import features from '../../test/fixtures/faces-mux/features.json' with { type: 'json' };
import split from '../../test/fixtures/faces-mux/split.json' with { type: 'json' };
import weights from './cue-weights.json' with { type: 'json' };
import { trainCueModel, type LabelledReading } from './cue-training.ts';

describe('the learned cue model', () => {
  const photos = features.photos as LabelledReading[];
  const trained = trainCueModel(photos, split.calibration);

  it('has the committed weights exactly: what the training script gives from the committed features', () => {
    expect(JSON.parse(JSON.stringify(trained))).toEqual(weights);
  });

  it('is trained on the calibration part only, with every photo of it where a face was found', () => {
    const test = new Set(split.test);
    expect(split.calibration.some((f) => test.has(f))).toBe(false);
    const calibrated = photos.filter((p) => split.calibration.includes(p.file) && p.face).length;
    expect(trained.training.photos).toBe(calibrated);
  });

  it('asks more confidence for a negative cue than for the others', () => {
    expect(trained.threshold.negative).toBeGreaterThan(trained.threshold.other);
  });
});
