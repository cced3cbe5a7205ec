// The shared descriptor: the port thread writes only while the main thread has it published.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SharedPort } from './shared-port.ts';

const dir = mkdtempSync(join(tmpdir(), 'shared-fd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes through the published descriptor and refuses once it is withdrawn', () => {
  const file = join(dir, 'port');
  const fd = openSync(file, 'w');
  const main = new SharedPort();
  const thread = new SharedPort(main.buffer);
  expect(thread.write(new Uint8Array([1]))).toBe(false);
  main.publish(fd);
  expect(thread.write(new Uint8Array([0, 7, 8, 0]))).toBe(true);
  main.withdraw();
  expect(thread.write(new Uint8Array([9]))).toBe(false);
  closeSync(fd);
  expect([...readFileSync(file)]).toEqual([0, 7, 8, 0]);
});

it('shows the main thread’s liveness beats to the other side', () => {
  const main = new SharedPort();
  const thread = new SharedPort(main.buffer);
  const before = thread.aliveCount();
  main.beat();
  main.beat();
  expect(thread.aliveCount()).toBe(before + 2);
});

it('hands the HALT to repeat to the port thread, a new one with a new generation, until it stops', () => {
  const main = new SharedPort();
  const thread = new SharedPort(main.buffer);
  expect(thread.repeating()).toBeNull();
  main.repeat(new Uint8Array([0, 1, 2, 0]), 10);
  const first = thread.repeating();
  expect(first && [...first.bytes]).toEqual([0, 1, 2, 0]);
  expect(first?.everyMs).toBe(10);
  main.repeat(new Uint8Array([0, 3, 0]), 10);
  const second = thread.repeating();
  expect(second && [...second.bytes]).toEqual([0, 3, 0]);
  expect(second?.gen).not.toBe(first?.gen);
  main.stopRepeat();
  expect(thread.repeating()).toBeNull();
  expect(() => main.repeat(new Uint8Array(65), 10)).toThrow(RangeError);
});
