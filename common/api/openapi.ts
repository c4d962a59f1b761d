import { z } from 'zod';
import { ENDPOINTS, type Endpoint } from './endpoints.js';
import { errorBodySchema } from './errors.js';

type JsonSchema = Record<string, unknown>;

/** The contract's version: raised when an answer loses a field or a request needs a new one. */
export const API_VERSION = '1.0.0';

/**
 * The API's OpenAPI 3.1 document, generated from the contract's schemas: what `GET /api/openapi.json` answers and
 * `docs/openapi.json` holds. Requests are described as a client sends them (before defaults and transforms), answers
 * as the service sends them.
 */
export function openApiDocument(): JsonSchema {
  const answers = convertAll(
    ENDPOINTS.map((endpoint) => endpoint.response),
    'output',
  );
  const requests = convertAll(
    ENDPOINTS.map((endpoint) => endpoint.body),
    'input',
  );
  const schemas: Record<string, JsonSchema> = { Error: jsonSchema(errorBodySchema, 'output'), ...answers.named };
  const requestNames = requestNamesFor(requests.named, schemas);
  const requestRefs = (value: JsonSchema) => renameRefs(value, requestNames);
  for (const [name, schema] of Object.entries(requests.named)) schemas[requestNames.get(name)!] = requestRefs(schema);

  const paths: Record<string, Record<string, JsonSchema>> = {};
  ENDPOINTS.forEach((endpoint, index) => {
    const body = requests.each[index];
    const answer = answers.each[index];
    (paths[openApiPath(endpoint.path)] ??= {})[endpoint.method] = operation(
      endpoint,
      body && requestRefs(body),
      answer,
    );
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'CRM for Microsoft 365',
      version: API_VERSION,
      description:
        'The API the Outlook and Teams add-in uses. Signed-in operations take an Entra ID access token for the ' +
        "API's access_as_user scope. Every failure answers { error, message } with a stable code; the message is " +
        'in the language Accept-Language asks for (German or English).',
    },
    components: {
      securitySchemes: { entraId: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: sortedByName(schemas),
    },
    paths,
  };
}

function operation(endpoint: Endpoint, body: JsonSchema | undefined, answer: JsonSchema | undefined): JsonSchema {
  const parameters = [...parametersOf(endpoint.params, 'path'), ...parametersOf(endpoint.query, 'query')];
  return {
    summary: endpoint.summary,
    security: endpoint.access === 'public' ? [] : [{ entraId: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    responses: {
      [String(endpoint.status)]: success(endpoint, answer),
      default: {
        description: 'A refusal or failure, with its stable code',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

function success(endpoint: Endpoint, answer: JsonSchema | undefined): JsonSchema {
  if (endpoint.text) return { description: 'OK', content: { [endpoint.text]: { schema: { type: 'string' } } } };
  if (!answer) return { description: 'Done, no content' };
  return { description: 'OK', content: { 'application/json': { schema: answer } } };
}

/**
 * Converts many schemas at once, so a schema named with `.meta({ id })` is written once under its name and referred
 * to wherever it is used.
 */
function convertAll(
  schemas: readonly (z.ZodType | undefined)[],
  io: 'input' | 'output',
): { each: (JsonSchema | undefined)[]; named: Record<string, JsonSchema> } {
  const present = schemas.flatMap((schema, index) => (schema ? [[String(index), schema] as const] : []));
  const all = jsonSchema(z.object(Object.fromEntries(present)), io);
  const toComponents = (value: JsonSchema) => renameRefs(value, new Map(), '#/$defs/');
  const properties = (all.properties ?? {}) as Record<string, JsonSchema>;
  const named = Object.fromEntries(
    Object.entries((all.$defs ?? {}) as Record<string, JsonSchema>).map(([name, value]) => [name, toComponents(value)]),
  );
  return {
    each: schemas.map((_schema, index) => {
      const value = properties[String(index)];
      return value && toComponents(value);
    }),
    named,
  };
}

/**
 * The component name of each named request schema: its own, or `<name>Input` where an answer's schema of that name
 * reads differently (a default not yet applied), itself or through a schema it refers to.
 */
function requestNamesFor(
  requests: Record<string, JsonSchema>,
  answers: Record<string, JsonSchema>,
): Map<string, string> {
  const clashes = (name: string) => answers[name] !== undefined;
  const differs = new Set(
    Object.keys(requests).filter(
      (name) => clashes(name) && JSON.stringify(requests[name]) !== JSON.stringify(answers[name]),
    ),
  );
  // One that refers to a renamed one differs too; the names are few, so a pass per change is cheap.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, schema] of Object.entries(requests)) {
      const text = JSON.stringify(schema);
      if (clashes(name) && !differs.has(name) && [...differs].some((other) => text.includes(`/${other}"`))) {
        differs.add(name);
        changed = true;
      }
    }
  }
  return new Map(Object.keys(requests).map((name) => [name, differs.has(name) ? `${name}Input` : name]));
}

/** Rewrites `$ref`s to components, renaming those in `names`; `from` is the prefix the refs have now. */
function renameRefs(value: JsonSchema, names: Map<string, string>, from = '#/components/schemas/'): JsonSchema {
  return JSON.parse(
    JSON.stringify(value, (key, item: unknown) => {
      if (key !== '$ref' || typeof item !== 'string' || !item.startsWith(from)) return item;
      const name = item.slice(from.length);
      return `#/components/schemas/${names.get(name) ?? name}`;
    }),
  ) as JsonSchema;
}

function sortedByName(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}

/** Path or query parameters from an object schema (or a union of them: a parameter is required when all require it). */
function parametersOf(schema: z.ZodType | undefined, place: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const root = jsonSchema(schema, 'input');
  const shapes = (Array.isArray(root.anyOf) ? root.anyOf : [root]) as JsonSchema[];
  const properties = new Map<string, JsonSchema>();
  for (const shape of shapes) {
    for (const [name, property] of Object.entries((shape.properties ?? {}) as Record<string, JsonSchema>)) {
      if (!properties.has(name)) properties.set(name, property);
    }
  }
  const requiredByAll = (name: string) =>
    shapes.every((shape) => Array.isArray(shape.required) && shape.required.includes(name));
  return [...properties].map(([name, property]) => ({
    name,
    in: place,
    required: place === 'path' || requiredByAll(name),
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements (a real date, an IANA zone) have no JSON Schema form and are left out.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** `/api/events/:id` as OpenAPI writes it: `/api/events/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z]+)/g, '{$1}');
}
