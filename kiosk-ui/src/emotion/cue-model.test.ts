import { describe, expect, it } from 'vitest';
import {
  expressionScores,
  familyOf,
  familyOfLabel,
  frameScores,
  headPose,
  topCue,
  type FaceReading,
} from './cue-model.ts';
import recorded from './recorded-faces.json' with { type: 'json' };

const faces = recorded.faces as (FaceReading & { file: string; label: string })[];

describe('cue model on the recorded blendshapes of the ten labelled photos', () => {
  const rows = faces.map((f) => {
    const s = frameScores(f);
    const cue = topCue(s.cues);
    return { file: f.file, label: f.label, cue, expected: familyOfLabel(f.label), got: familyOf(cue), s };
  });

  it('gets the coarse family right on at least 9 of 10', () => {
    const right = rows.filter((r) => r.got === r.expected).length;
    console.log(
      `cue model, recorded vectors: family right on ${right}/${rows.length}\n` +
        rows.map((r) => `  ${r.file.padEnd(14)} ${r.label.padEnd(10)} -> ${r.cue} (${r.got})`).join('\n'),
    );
    expect(right).toBeGreaterThanOrEqual(9);
  });

  it('reads smiling faces as happy and neutral faces as neutral', () => {
    for (const r of rows.filter((r) => r.label === 'happy')) expect(r.cue, r.file).toBe('happy');
    for (const r of rows.filter((r) => r.label === 'neutral')) expect(r.cue, r.file).toBe('neutral');
  });

  it('gives positive valence to smiles and negative to angry and sad faces', () => {
    for (const r of rows) {
      if (r.label === 'happy') expect(r.s.valence, r.file).toBeGreaterThan(0.5);
      if (r.label === 'angry' || r.label === 'sad') expect(r.s.valence, r.file).toBeLessThan(-0.3);
    }
  });

  it('finds the face 20-60 cm away and the frontal faces attentive', () => {
    for (const r of rows) {
      expect(r.s.distanceCm, r.file).toBeGreaterThan(15);
      expect(r.s.distanceCm, r.file).toBeLessThan(65);
    }
    // neutral-2.jpg is turned about 30 degrees away; angry.jpg looks straight into the camera.
    expect(rows.find((r) => r.file === 'angry.jpg')!.s.attention).toBe(1);
    expect(rows.find((r) => r.file === 'neutral-2.jpg')!.s.attention).toBeLessThan(0.7);
  });
});

describe('cue model on synthetic blendshapes', () => {
  it('scores an empty face neutral, every expression zero', () => {
    const s = expressionScores({});
    expect(s.neutral).toBe(1);
    expect(topCue(s)).toBe('neutral');
  });

  it('reads an open mouth under raised brows as surprise, not a smile', () => {
    const s = expressionScores({
      jawOpen: 0.8,
      browOuterUpLeft: 0.8,
      browOuterUpRight: 0.8,
      mouthSmileLeft: 0.7,
      mouthSmileRight: 0.7,
    });
    expect(topCue(s)).toBe('surprised');
  });

  it('tells mild frowning (confused) from a strong scowl (angry)', () => {
    const mild = expressionScores({ browDownLeft: 0.25, browDownRight: 0.25 });
    const strong = expressionScores({
      browDownLeft: 0.6,
      browDownRight: 0.6,
      eyeSquintLeft: 0.6,
      eyeSquintRight: 0.6,
    });
    expect(topCue(mild)).toBe('confused');
    expect(topCue(strong)).toBe('angry');
  });

  it('refuses a matrix that is not 4x4', () => {
    expect(() => headPose([1, 0, 0])).toThrow(/4x4/);
  });

  it('refuses an unknown label', () => {
    expect(() => familyOfLabel('bored')).toThrow(/unknown expression label/);
  });
});
