// A valid body made hostile in a few places, so the input passes the schema's other fields and reaches
// the handler behind it: the fuzz tests' well-formed requests and socket messages.
import fc from 'fast-check';
import { hostileJson, hostileKey, hostileNumber, hostileString } from './arbitraries.ts';

type Spot = { path: (string | number)[]; value: unknown };
type Edit = { path: (string | number)[]; set?: unknown; drop?: true; add?: [string, unknown] };

/** Every place in a JSON value: the root, each member, each item. */
function spotsOf(value: unknown, path: (string | number)[] = []): Spot[] {
  const here: Spot[] = [{ path, value }];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => spotsOf(v, [...path, i])));
  if (value !== null && typeof value === 'object')
    return here.concat(Object.entries(value).flatMap(([k, v]) => spotsOf(v, [...path, k])));
  return here;
}

/** A hostile value of the same type as `value` where it has one (a string another string...). */
function sameTypeAs(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string') return hostileString();
  if (typeof value === 'number') return hostileNumber;
  if (typeof value === 'boolean') return fc.boolean();
  if (Array.isArray(value)) return fc.array(hostileJson(1), { maxLength: 600 });
  return hostileJson(2);
}

/** Sets a key as an own property, so '__proto__' stays a key (as JSON.parse makes it), not the prototype. */
function put(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function at(root: unknown, path: (string | number)[]): unknown {
  let v = root;
  for (const k of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

const isObject = (v: unknown): v is Record<string | number, unknown> => v !== null && typeof v === 'object';

function applyEdit(root: unknown, e: Edit): unknown {
  if (e.add) {
    const target = at(root, e.path);
    if (isObject(target) && !Array.isArray(target)) put(target, e.add[0], e.add[1]);
    return root;
  }
  if (e.path.length === 0) return e.drop ? root : e.set;
  const parent = at(root, e.path.slice(0, -1));
  if (!isObject(parent)) return root; // an earlier edit replaced or dropped it
  const key = e.path[e.path.length - 1] as string | number;
  if (!e.drop) put(parent, key, e.set);
  else if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
  return root;
}

/**
 * `sample` with up to three places changed (none: the valid body itself): a value becomes a hostile one of its own type (a string
 * another string, a number another number) or of any type, a member is dropped, or a member with a
 * prototype or hostile key is added. The rest stays valid, so the input gets past the schema's other
 * fields and reaches the handler.
 */
export function mutated(sample: unknown): fc.Arbitrary<unknown> {
  const spots = spotsOf(sample);
  const edit: fc.Arbitrary<Edit> = fc
    .constantFrom(...spots)
    .chain(({ path, value }) =>
      fc.oneof(
        { weight: 6, arbitrary: sameTypeAs(value).map((set) => ({ path, set })) },
        { weight: 2, arbitrary: hostileJson(2).map((set) => ({ path, set })) },
        { weight: 1, arbitrary: fc.constant({ path, drop: true as const }) },
        { weight: 1, arbitrary: fc.tuple(hostileKey, hostileJson(1)).map((add) => ({ path, add })) },
      ),
    );
  return fc
    .array(edit, { minLength: 0, maxLength: 3 })
    .map((edits) => edits.reduce<unknown>((v, e) => applyEdit(v, e), structuredClone(sample)));
}
