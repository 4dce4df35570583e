import fc from 'fast-check';

// What a hand edit does to valid data, for the property tests of the validation fast paths.

// Options give undefined values; YAML never has them.
export const defined = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(defined)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .map(([k, x]) => [k, defined(x)]),
        )
      : v;

const DELETE = Symbol('delete the key');
const ADD = Symbol('add an unknown key');
export const damage = fc.constantFrom<unknown>(
  DELETE,
  ADD,
  null,
  '',
  'x',
  0,
  -3,
  1.5,
  2 ** 60,
  [],
  {},
  true,
  '2026-02-30',
  'state',
  'bad name',
);

/** Every place in the data: [container, key]. */
function places(
  v: unknown,
  out: [Record<string, unknown>, string][] = [],
): [Record<string, unknown>, string][] {
  if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      out.push([v as Record<string, unknown>, k]);
      places(x, out);
    }
  return out;
}

export function damaged(data: unknown, at: number, what: unknown): unknown {
  const copy = structuredClone(data);
  const all = places(copy);
  if (all.length === 0) return copy;
  const [container, key] = all[at % all.length]!;
  if (what === DELETE) delete container[key];
  else if (what === ADD) container[`${key}_extra`] = 'x';
  else container[key] = what;
  return copy;
}
