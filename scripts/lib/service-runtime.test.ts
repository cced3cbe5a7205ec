import { expect, it } from 'vitest';
import { SERVICE_MALLOC_TUNABLE, serviceEnv } from './service-runtime.ts';

it("adds the allocator setting to a service's environment, beside any tunables already set", () => {
  expect(serviceEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: SERVICE_MALLOC_TUNABLE });
  expect(serviceEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe(
    `glibc.malloc.arena_max=2:${SERVICE_MALLOC_TUNABLE}`,
  );
});

it("keeps an operator's own mmap threshold", () => {
  const own = { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=65536' };
  expect(serviceEnv(own)).toEqual(own);
});
