import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { fileLines } from './file-lines.ts';

const dir = mkdtempSync(join(tmpdir(), 'file-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** Each run decoded as it comes: the next read reuses its bytes. */
const runs = (path: string, size: number) => {
  const out: string[] = [];
  for (const run of fileLines(path, size)) out.push(Buffer.from(run).toString());
  return out;
};

it('hands back whole lines only, however the reads fall, and the last line without its newline', () => {
  const path = write('a.txt', '银行 5\n卡 3\nab 1\nlast 2');
  const got = runs(path, 12);
  expect(got.join('')).toBe('银行 5\n卡 3\nab 1\nlast 2');
  for (const run of got.slice(0, -1)) expect(run.endsWith('\n')).toBe(true);
  expect(got.length).toBeGreaterThan(1);
});

it('hands back nothing for an empty file and refuses a line longer than its buffer', () => {
  expect(runs(write('empty.txt', ''), 8)).toEqual([]);
  expect(() => runs(write('long.txt', 'a very long line\n'), 8)).toThrow(/a line longer than 8 bytes/);
});
