// How every service process runs (the launcher's children, the systemd units, the benches): its Node
// flags and its C library's allocator settings. deploy/systemd/*.service and deploy/central/compose.yaml
// repeat both; deploy/test/install.test.ts checks that they agree with this file.

/**
 * Node flags of every service process. A 2 MB young generation (instead of 16 MB) keeps an idle service
 * about 10 MB smaller; its scavenges stay well under a millisecond at these allocation rates.
 */
export const SERVICE_NODE_ARGS = ['--max-semi-space-size=2'];

/**
 * glibc's allocator: blocks of 128 KiB and more always get their own mapping, returned to the system when
 * freed. By default glibc raises that threshold to the largest block freed so far, so after the technician
 * PIN's scrypt (16 MB, on libuv's threads) or the word dictionary's file (5 MB) such blocks stay in its
 * arenas for good: the branch's agent kept about 40 MB it no longer used (145 MB resident, 106 MB with it).
 */
export const SERVICE_MALLOC_TUNABLE = 'glibc.malloc.mmap_threshold=131072';

/** The environment of a service process: `base` with the allocator setting added, unless it sets its own. */
export function serviceEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const tunables = base.GLIBC_TUNABLES ?? '';
  if (tunables.includes('glibc.malloc.mmap_threshold=')) return { ...base };
  return {
    ...base,
    GLIBC_TUNABLES: tunables === '' ? SERVICE_MALLOC_TUNABLE : `${tunables}:${SERVICE_MALLOC_TUNABLE}`,
  };
}
