/** Reading the JSON schemas bundled in @microsoft/app-manifest, for tests that compare our limits with them. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Schema = { [key: string]: unknown };

const require = createRequire(import.meta.url);
const SCHEMA_ROOT = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

export function bundledSchema(version: string, file = 'MicrosoftTeams.schema.json'): Schema {
  return JSON.parse(readFileSync(join(SCHEMA_ROOT, `v${version}`, file), 'utf8')) as Schema;
}

function deref(root: Schema, node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (at as Schema)[key], root);
  return { ...(target as Schema), ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
}

/** maxLength of the property at a path like "extensions[].ribbons[].tabs[].label" (undefined if none). */
export function schemaMaxLength(root: Schema, path: string): number | undefined {
  let node: Schema = root;
  for (const segment of path.split('.')) {
    const isArray = segment.endsWith('[]');
    const name = isArray ? segment.slice(0, -2) : segment;
    const properties = deref(root, node).properties as Record<string, Schema> | undefined;
    const next = properties?.[name];
    if (!next) throw new Error(`schema has no property ${name} on the way to ${path}`);
    node = isArray ? (deref(root, next).items as Schema) : next;
  }
  const max = deref(root, node).maxLength;
  return typeof max === 'number' ? max : undefined;
}

/**
 * Checks a flat localization file against the localization schema's rules that matter for string files:
 * required keys, no unknown keys (additionalProperties: false), maxLength and the non-empty pattern.
 * Returns human-readable problems (empty when the file passes).
 */
export function localizationProblems(schema: Schema, file: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const properties = schema.properties as Record<string, Schema>;
  const patterns = Object.entries(schema.patternProperties as Record<string, Schema>).map(
    ([pattern, rule]) => [new RegExp(pattern), rule] as const,
  );
  for (const key of schema.required as string[]) {
    if (!(key in file)) problems.push(`missing required key ${key}`);
  }
  for (const [key, value] of Object.entries(file)) {
    const rule = properties[key] ?? patterns.find(([pattern]) => pattern.test(key))?.[1];
    if (!rule) {
      problems.push(`key ${key} is not allowed by the localization schema`);
      continue;
    }
    const resolved = deref(schema, rule);
    if (typeof value !== 'string') continue;
    if (typeof resolved.maxLength === 'number' && value.length > resolved.maxLength) {
      problems.push(`${key} is ${value.length} characters long; at most ${resolved.maxLength} allowed`);
    }
    if (typeof resolved.pattern === 'string' && !new RegExp(resolved.pattern).test(value)) {
      problems.push(`${key} does not match ${resolved.pattern}`);
    }
  }
  return problems;
}
