import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configKeys, envNameFor, loadConfig } from './config.ts';
import { DEFAULT_CONFIG } from './config-schema.ts';
import { technicianServiceOptions } from './service-options.ts';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'branch-config-'));
}

describe('loadConfig', () => {
  it('uses the embedded defaults when there is no file', () => {
    const { config, source } = loadConfig({ cwd: tmp(), env: {} });
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(source).toBe('embedded defaults');
  });

  it('merges the file over the defaults and the environment over the file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ hub: { port: 9000 }, logLevel: 'debug' }));
    const { config } = loadConfig({ cwd: dir, env: { KIOSK_HUB_PORT: '9100', KIOSK_AGENT_KIOSK_ID: 'k-7' } });
    expect(config.hub).toMatchObject({ host: '127.0.0.1', port: 9100 });
    expect(config.logLevel).toBe('debug');
    expect(config.agent.kioskId).toBe('k-7');
  });

  it('names the unknown key', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ hub: { prot: 1 } }));
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(/config key hub prot/);
  });

  it('names the key with a bad value', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ agent: { port: 70000 } }));
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(/config key agent\.port/);
  });

  it('names the variable with a bad value', () => {
    expect(() => loadConfig({ cwd: tmp(), env: { KIOSK_HUB_PORT: 'abc' } })).toThrow(/KIOSK_HUB_PORT=abc/);
    expect(() => loadConfig({ cwd: tmp(), env: { KIOSK_SIMULATOR_ENABLED: 'yes' } })).toThrow(
      /KIOSK_SIMULATOR_ENABLED/,
    );
  });

  it('reports malformed JSON and a missing explicit file with the path', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'kiosk.config.json'), '{ nope');
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow(/kiosk\.config\.json: not valid JSON/);
    expect(() => loadConfig({ cwd: tmp(), env: { KIOSK_CONFIG: 'other.json' } })).toThrow(
      /other\.json: config file not found/,
    );
  });
});

it('ignores kiosk.config.json when KIOSK_CONFIG is set but empty', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'kiosk.config.json'), JSON.stringify({ hub: { port: 9000 } }));
  expect(loadConfig({ cwd: dir, env: { KIOSK_CONFIG: '' } }).config.hub.port).toBe(7100);
});

describe('configKeys', () => {
  it('lists every leaf with its environment name', () => {
    expect(envNameFor(['safety', 'presenceClearMs'])).toBe('KIOSK_SAFETY_PRESENCE_CLEAR_MS');
    const envs = configKeys().map((k) => k.env);
    expect(envs).toContain('KIOSK_DATA_DIR');
    expect(envs).toContain('KIOSK_ARM_BAUD_RATE');
    expect(new Set(envs).size).toBe(envs.length);
  });
});

describe('technician TLS settings', () => {
  it('map from the environment onto the agent, files absolute, proxies a list', () => {
    const env = {
      KIOSK_TECHNICIAN_TLS_CERT_FILE: 'tls/cert.pem',
      KIOSK_TECHNICIAN_TLS_KEY_FILE: '/etc/kiosk/key.pem',
      KIOSK_TECHNICIAN_ALLOW_PLAINTEXT: '1',
      KIOSK_TECHNICIAN_TRUSTED_PROXIES: '127.0.0.1, ::1',
    };
    const t = technicianServiceOptions(loadConfig({ cwd: tmp(), env }).config);
    expect(t).toMatchObject({
      tlsCertFile: resolve('tls/cert.pem'),
      tlsKeyFile: '/etc/kiosk/key.pem',
      allowPlaintext: true,
      trustedProxies: ['127.0.0.1', '::1'],
    });
    const plain = technicianServiceOptions(loadConfig({ cwd: tmp(), env: {} }).config);
    expect(plain).toEqual({ host: '127.0.0.1', port: 7201, allowPlaintext: false, trustedProxies: [] });
  });
});
