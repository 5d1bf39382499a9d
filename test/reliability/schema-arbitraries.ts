/**
 * Malformed requests generated from the contract's own zod schemas (through
 * their JSON Schema): first a value that is almost right for the schema, then
 * one thing broken in it — a field of the wrong type, a field missing, a field
 * the schema does not know, a huge or strange string, an impossible number.
 * Near-valid inputs get past the outer checks, which is where bugs hide.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Json[];
  const?: Json;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

export function jsonSchemaOf(schema: z.ZodMiniType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Strings that have broken parsers elsewhere: controls, lone surrogates, RTL, NUL, very long. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '\u202e\u0041\u0042',
    '𝟘𝟙𝟚',
    'é'.normalize('NFD'),
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    '{"a":1}',
    'null',
    '9'.repeat(400),
    'x'.repeat(100_000),
  ),
);

export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 1e308, -1e308, 2 ** 53, 2 ** 63, -(2 ** 63), 0.5, 1e-7, Number.MAX_SAFE_INTEGER + 2),
);

/** Any JSON value at all, biased to the odd ones. */
export const wrongValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  oddNumber,
  oddString,
  fc.array(fc.oneof(fc.integer(), fc.string()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 3 }),
  fc.constant(Array.from({ length: 5_000 }, (_, i) => i)),
);

const day = fc
  .integer({ min: -400, max: 400 })
  .map((d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10));

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return day;
  if (schema.format === 'date-time') return day.map((d) => `${d}T10:00:00.000Z`);
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      // A pattern fast-check cannot invert: fall through to a plain string.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
}

/** A value the schema probably accepts (patterns and formats respected where JSON Schema says them). */
export function validish(schema: JsonSchema, depth = 0): fc.Arbitrary<Json> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validish(s, depth + 1)));
  if (schema.allOf?.length) return validish(schema.allOf[0]!, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(validish(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const keys = Object.keys(properties);
      return fc.record(Object.fromEntries(keys.map((key) => [key, validish(properties[key]!, depth + 1)])), {
        requiredKeys: keys.filter((k) => required.has(k)),
      }) as fc.Arbitrary<Json>;
    }
    default:
      return fc.oneof(fc.string({ maxLength: 10 }), fc.integer());
  }
}

/** Every place in a value where something can be broken: [] is the whole value. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

type Mutation =
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'remove'; at: number }
  | { kind: 'extra'; at: number; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('extra' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('__proto__', 'constructor', 'id', 'companyId', 'role'),
    ),
    value: wrongValue,
  }),
);

function apply(value: Json, m: Mutation): Json {
  const copy = structuredClone(value) as Json;
  const paths = pathsOf(copy);
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) {
    if (m.kind === 'replace') return m.value;
    if (m.kind === 'extra' && copy && typeof copy === 'object' && !Array.isArray(copy)) {
      // defineProperty: a plain assignment of `__proto__` would set the prototype, not a key.
      Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    }
    return copy;
  }
  let parent = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (m.kind === 'replace') parent[last] = m.value;
  else if (m.kind === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
    } else parent[last] = m.value;
  }
  return copy;
}

/** Almost-valid values with one to three things broken; the odd untouched one tests valid input too. */
export function malformed(schema: JsonSchema): fc.Arbitrary<Json> {
  return fc
    .tuple(validish(schema), fc.array(mutation, { minLength: 0, maxLength: 3 }))
    .map(([value, mutations]) => mutations.reduce(apply, value));
}
