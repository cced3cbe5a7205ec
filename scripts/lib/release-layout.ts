// What a release folder holds, for the packager and the tests that check it:
//   release.json  package.json  README.md  services/*.mjs  pages/  node_modules/  deploy/
/** Each bundled program of a release (services/<name>.mjs) and its entry in the repository. */
export const RELEASE_SERVICES = {
  hub: 'scripts/services/hub.ts',
  agent: 'scripts/services/agent.ts',
  'hub-backup': 'scripts/tools/hub-backup.ts',
  /** The central office's hub, configured by HUB_* variables (cloud-sync/README.md), e.g. on PostgreSQL. */
  'hub-central': 'cloud-sync/bin/hub.ts',
} as const;

/**
 * Data files the bundles find at run time through a package name (require.resolve): a part's own, or a
 * package the kiosk uses only for its data. Copied into node_modules/<package>/ with a package.json that
 * exports just them.
 */
export const RELEASE_PART_DATA = [
  {
    name: '@branch/device-agent',
    from: 'device-agent',
    files: ['kb-eval/train.jsonl'],
    exports: { './kb-eval/*': './kb-eval/*' },
  },
  {
    // jieba's Chinese dictionary (MIT, with its licence); the package's native module is not used.
    name: '@node-rs/jieba',
    from: 'node_modules/@node-rs/jieba',
    files: ['dict.txt', 'LICENSE'],
    exports: { './dict.txt': './dict.txt' },
  },
] as const;
