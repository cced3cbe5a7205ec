// NUL (U+0000) in hub input. PostgreSQL's text columns cannot hold it (the query fails, which was a
// 500), and no id, name or message of this product needs it, so the hub refuses it at the door on both
// stores alike: in a path (app.ts) and in a JSON body (readJson). Web-standard only.
const NUL = '\u0000';

/**
 * Where the first NUL in a parsed JSON value is (a dotted path, '(body)' for the value itself), or
 * null. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findNul(value: unknown): string | null {
  const todo: [unknown, string][] = [[value, '']];
  for (let next = todo.pop(); next; next = todo.pop()) {
    const [v, path] = next;
    if (typeof v === 'string') {
      if (v.includes(NUL)) return path || '(body)';
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        const at = path ? `${path}.${k}` : k;
        if (k.includes(NUL)) return at;
        todo.push([item, at]);
      }
    }
  }
  return null;
}

/** True when a request URL's path holds a NUL, percent-encoded (the only way it can arrive) or not. */
export function pathHasNul(url: string): boolean {
  const path = new URL(url).pathname;
  return /%00/.test(path) || path.includes(NUL);
}
