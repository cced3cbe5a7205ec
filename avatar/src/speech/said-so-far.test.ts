import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EnginePiece } from './engine-plan.ts';
import { SaidSoFar } from './said-so-far.ts';

function piece(startMs: number, charIndex: number, charEnd: number): EnginePiece {
  return {
    startMs,
    endMs: startMs + 300,
    soundStartMs: startMs,
    soundEndMs: startMs + 300,
    charIndex,
    charEnd,
    phonemes: '',
  };
}

describe('SaidSoFar', () => {
  let t = 0;
  let live = true;
  let zero: number | null = 1000;
  const clock = { lineZeroAt: () => zero, current: () => live, now: () => t };
  beforeEach(() => {
    vi.useFakeTimers();
    t = 1000;
    live = true;
    zero = 1000;
  });
  afterEach(() => vi.useRealTimers());

  it('reports each piece as the audio clock passes its start, once, and stops after the last', () => {
    const pieces = [piece(0, 0, 2), piece(300, 2, 5)];
    const said: number[] = [];
    const tracker = new SaidSoFar(pieces, clock, (n) => said.push(n));
    tracker.start();
    expect(said).toEqual([2]);
    t = 1299;
    vi.advanceTimersByTime(100);
    expect(said).toEqual([2]);
    t = 1300;
    vi.advanceTimersByTime(40);
    expect(said).toEqual([2, 5]);
    tracker.streamEnded();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('follows pieces that arrive while the line plays, and waits for the audio to start', () => {
    const pieces: EnginePiece[] = [piece(0, 0, 1)];
    const said: number[] = [];
    zero = null;
    const tracker = new SaidSoFar(pieces, clock, (n) => said.push(n));
    tracker.start();
    expect(said).toEqual([]);
    zero = 1000;
    t = 1010;
    vi.advanceTimersByTime(40);
    pieces.push(piece(200, 1, 3));
    t = 1250;
    vi.advanceTimersByTime(40);
    expect(said).toEqual([1, 3]);
  });

  it('never goes backwards when the clock is re-anchored, and stops when the line is interrupted', () => {
    const pieces = [piece(0, 0, 2), piece(300, 2, 5)];
    const said: number[] = [];
    const tracker = new SaidSoFar(pieces, clock, (n) => said.push(n));
    t = 1310;
    tracker.start();
    zero = 1100; // re-anchored: the line's 210 ms now
    vi.advanceTimersByTime(40);
    expect(said).toEqual([5]);
    live = false;
    vi.advanceTimersByTime(40);
    expect(vi.getTimerCount()).toBe(0);
  });
});
