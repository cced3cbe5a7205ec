// The shared descriptor: the port thread writes only while the main thread has it published.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SharedPortFd } from './shared-port-fd.ts';

const dir = mkdtempSync(join(tmpdir(), 'shared-fd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes through the published descriptor and refuses once it is withdrawn', () => {
  const file = join(dir, 'port');
  const fd = openSync(file, 'w');
  const main = new SharedPortFd();
  const thread = new SharedPortFd(main.buffer);
  expect(thread.write(new Uint8Array([1]))).toBe(false);
  main.publish(fd);
  expect(thread.write(new Uint8Array([0, 7, 8, 0]))).toBe(true);
  main.withdraw();
  expect(thread.write(new Uint8Array([9]))).toBe(false);
  closeSync(fd);
  expect([...readFileSync(file)]).toEqual([0, 7, 8, 0]);
});

it('shows the main thread’s liveness beats to the other side', () => {
  const main = new SharedPortFd();
  const thread = new SharedPortFd(main.buffer);
  const before = thread.aliveCount();
  main.beat();
  main.beat();
  expect(thread.aliveCount()).toBe(before + 2);
});
