// Loads kiosk.config.json (optional) over the embedded defaults, then KIOSK_* environment overrides,
// and validates the result. Errors name the file, the key or the variable at fault.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BranchConfigSchema, DEFAULT_CONFIG, type BranchConfig } from './config-schema.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** `agent.kioskId` -> `KIOSK_AGENT_KIOSK_ID`. */
export function envNameFor(path: string[]): string {
  return ['KIOSK', ...path.map((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1_$2'))].join('_').toUpperCase();
}

/** Every leaf key of the defaults with its environment variable name. */
export function configKeys(): { path: string[]; env: string; value: Json }[] {
  const out: { path: string[]; env: string; value: Json }[] = [];
  const walk = (obj: JsonObject, path: string[]): void => {
    for (const [key, value] of Object.entries(obj)) {
      const here = [...path, key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) walk(value, here);
      else out.push({ path: here, env: envNameFor(here), value });
    }
  };
  walk(DEFAULT_CONFIG as unknown as JsonObject, []);
  return out;
}

function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function merge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

function setPath(obj: JsonObject, path: string[], value: Json): void {
  let node = obj;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isObject(next)) throw new ConfigError(`internal: no config section ${key}`);
    node = next;
  }
  node[path[path.length - 1] as string] = value;
}

/** Parses an environment value by the type of the key's default. */
function parseEnv(env: string, raw: string, sample: Json): Json {
  if (typeof sample === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new ConfigError(`${env}=${raw}: expected a number`);
    return n;
  }
  if (typeof sample === 'boolean') {
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw new ConfigError(`${env}=${raw}: expected true or false`);
  }
  return raw;
}

export interface LoadOptions {
  /** Config file path; default KIOSK_CONFIG or ./kiosk.config.json when it exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function loadConfig(options: LoadOptions = {}): { config: BranchConfig; source: string } {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.file ?? env.KIOSK_CONFIG;
  const file = resolve(cwd, explicit ?? 'kiosk.config.json');
  let merged = structuredClone(DEFAULT_CONFIG) as unknown as JsonObject;
  let source = 'embedded defaults';
  // KIOSK_CONFIG set but empty: embedded defaults and environment only (used by tests).
  if (explicit === '') {
    // no file
  } else if (existsSync(file)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    if (!isObject(parsed)) throw new ConfigError(`${file}: must hold a JSON object`);
    merged = merge(merged, parsed);
    source = file;
  } else if (explicit !== undefined) {
    throw new ConfigError(`${file}: config file not found`);
  }
  for (const key of configKeys()) {
    const raw = env[key.env];
    if (raw !== undefined) setPath(merged, key.path, parseEnv(key.env, raw, key.value));
  }
  const result = BranchConfigSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
    const keys = issue && 'keys' in issue ? ` ${(issue.keys as string[]).join(', ')}` : '';
    throw new ConfigError(`${source}: config key ${where}${keys}: ${issue?.message ?? 'invalid'}`);
  }
  return { config: result.data, source };
}
