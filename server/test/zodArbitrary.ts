import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
  pattern?: RegExp;
  checks?: { _zod: { def: { pattern?: RegExp } } }[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Text of every kind: plain, any code point (control characters, lone surrogates), long. */
const anyText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    'x'.repeat(10_000),
    '9999-12-31T23:59',
    '0001-01-01',
    '2026-12-03T09:00',
  ),
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5),
);

/**
 * Values shaped by a zod schema, valid and not: each leaf is sometimes what the schema asks for (a string matching
 * its pattern, an enum's member) and sometimes anything of that kind, so requests reach past the first check.
 */
export function zodArbitrary(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const nested = (inner: z.ZodType | undefined) => (inner ? zodArbitrary(inner, depth + 1) : fc.jsonValue());
  if (depth > 6) return fc.constant(null);
  switch (def.type) {
    case 'string': {
      const patterns = [def.pattern, ...(def.checks ?? []).map((check) => check._zod.def.pattern)].filter(
        (pattern): pattern is RegExp => pattern instanceof RegExp,
      );
      const matching = patterns.length > 0 ? matchingText(patterns[0]!) : undefined;
      return matching ? fc.oneof(matching, anyText) : anyText;
    }
    case 'number':
    case 'int':
      return anyNumber;
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('true', 0, null));
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.oneof(fc.constantFrom(...(def.values ?? [null])), fc.jsonValue({ maxDepth: 1 }));
    case 'enum':
      return fc.oneof(fc.constantFrom(...Object.values(def.entries ?? { x: 'x' })), anyText);
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fc.oneof(fc.constant(undefined), nested(def.innerType));
    case 'nullable':
      return fc.oneof(fc.constant(null), nested(def.innerType));
    case 'array':
      return fc.oneof(fc.array(nested(def.element), { maxLength: 4 }), fc.jsonValue({ maxDepth: 1 }));
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map(nested));
    case 'object':
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.record(Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, nested(v)])), {
            requiredKeys: [],
          }),
        },
        { weight: 1, arbitrary: fc.dictionary(anyText, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
      );
    case 'record':
      return fc.dictionary(anyText, nested(def.valueType), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...(def.options ?? []).map(nested));
    case 'intersection':
      return fc
        .tuple(nested(def.left), nested(def.right))
        .map(([a, b]) => (typeof a === 'object' && typeof b === 'object' && a && b ? { ...a, ...b } : a));
    case 'pipe':
      return nested(def.in);
    case 'lazy':
      return def.getter ? nested(def.getter()) : fc.jsonValue();
    default:
      return fc.jsonValue({ maxDepth: 3 });
  }
}

/** Strings a pattern accepts (case-insensitive patterns taken as written), or undefined for syntax fast-check lacks. */
function matchingText(pattern: RegExp): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace(/[^su]/g, '')));
  } catch {
    return undefined;
  }
}
