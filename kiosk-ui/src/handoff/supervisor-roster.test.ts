import { describe, expect, it } from 'vitest';
import { SupervisorRoster } from './supervisor-roster.ts';

describe('SupervisorRoster', () => {
  it('holds who stepped in, in order, each once', () => {
    const r = new SupervisorRoster();
    expect(r.present).toEqual([]);
    expect(r.joined('Zhou Min')).toBe(true);
    expect(r.joined('Wang Lei')).toBe(true);
    expect(r.joined('Zhou Min')).toBe(false);
    expect(r.present).toEqual(['Zhou Min', 'Wang Lei']);
  });

  it('ignores a leave of someone who only listened, and empties as they leave', () => {
    const r = new SupervisorRoster();
    expect(r.left('Zhou Min')).toBe(false);
    r.joined('Zhou Min');
    expect(r.left('Zhou Min')).toBe(true);
    expect(r.left('Zhou Min')).toBe(false);
    expect(r.present).toEqual([]);
  });
});
