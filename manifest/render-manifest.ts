/**
 * Renders the unified app manifest and its language files from the templates in this folder.
 * Pure: no file system, no environment; every input comes through the options.
 */
import deDeTemplate from './de-de.template.json' with { type: 'json' };
import manifestTemplate from './manifest.template.json' with { type: 'json' };
import { PackageOptionError, validateOptions, type PackageOptions, type ValidatedOptions } from './options.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Additional language files, by the file name the manifest's localizationInfo gives them. */
const LANGUAGE_TEMPLATES: Record<string, JsonObject> = { 'de-de.json': deDeTemplate };

/**
 * Length limits of the user-visible strings, from the v1.24 manifest and localization schemas (a test compares
 * them with the bundled schema). Keys are property paths with array indices written as [].
 */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  'name.short': 30,
  'name.full': 100,
  'description.short': 80,
  'description.full': 4000,
  'developer.name': 32,
  'staticTabs[].name': 128,
  'extensions[].ribbons[].tabs[].groups[].label': 64,
  'extensions[].ribbons[].tabs[].groups[].controls[].label': 64,
  'extensions[].ribbons[].tabs[].groups[].controls[].supertip.title': 64,
  'extensions[].ribbons[].tabs[].groups[].controls[].supertip.description': 250,
};

const PLACEHOLDER = /\{\{([A-Z_]+)\}\}/g;

function placeholderValues(options: ValidatedOptions): Record<string, string> {
  return {
    BASE_URL: options.baseUrl,
    HOST: options.host,
    APP_ID: options.appId,
    CLIENT_ID: options.clientId,
    VERSION: options.version,
    BRAND: options.brand,
  };
}

interface Substitution {
  values: Record<string, string>;
  /** Where a rendered string's template mentioned {{BRAND}}, so a length problem can be blamed on --brand. */
  brandPaths: Set<string>;
}

function substitute(value: JsonValue, path: string, ctx: Substitution): JsonValue {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (_match, name: string) => {
      const replacement = ctx.values[name];
      if (replacement === undefined) throw new Error(`template placeholder {{${name}}} at ${path} has no value`);
      if (name === 'BRAND') ctx.brandPaths.add(path);
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => substitute(item, `${path}[${i}]`, ctx));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] = substitute(item, path === '' ? key : `${path}.${key}`, ctx);
    }
    return out;
  }
  return value;
}

/** "extensions[0].ribbons[1].tabs[0].label" → "extensions[].ribbons[].tabs[].label" */
function limitKey(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function checkLength(path: string, text: string, where: string, ctx: Substitution): void {
  const max = TEXT_LIMITS[limitKey(path)];
  if (max === undefined || text.length <= max) return;
  const detail = `makes ${path} in ${where} ${text.length} characters long ("${text}"); the schema allows ${max}`;
  if (ctx.brandPaths.has(path)) throw new PackageOptionError('--brand', detail);
  throw new Error(`template text ${detail}`);
}

function checkLengths(value: JsonValue, path: string, where: string, ctx: Substitution): void {
  if (typeof value === 'string') checkLength(path, value, where, ctx);
  else if (Array.isArray(value)) value.forEach((item, i) => checkLengths(item, `${path}[${i}]`, where, ctx));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value))
      checkLengths(item, path === '' ? key : `${path}.${key}`, where, ctx);
  }
}

function render(template: JsonObject, options: PackageOptions, where: string, flatKeys: boolean): JsonObject {
  const ctx: Substitution = { values: placeholderValues(validateOptions(options)), brandPaths: new Set() };
  if (!flatKeys) {
    const rendered = substitute(template, '', ctx) as JsonObject;
    checkLengths(rendered, '', where, ctx);
    return rendered;
  }
  // Language files are flat maps whose keys are the manifest paths they translate.
  const rendered: JsonObject = {};
  for (const [key, text] of Object.entries(template)) {
    const value = substitute(text, key, ctx);
    if (typeof value === 'string') checkLength(key, value, where, ctx);
    rendered[key] = value;
  }
  return rendered;
}

/** The unified app manifest (manifest.json) for these options; throws PackageOptionError on a bad input. */
export function renderManifest(options: PackageOptions): JsonObject {
  return render(manifestTemplate, options, 'manifest.json', false);
}

/** The additional language files named by the manifest's localizationInfo, keyed by file name. */
export function renderLanguageFiles(options: PackageOptions): Record<string, JsonObject> {
  const files: Record<string, JsonObject> = {};
  for (const [file, template] of Object.entries(LANGUAGE_TEMPLATES)) {
    files[file] = render(template, options, file, true);
  }
  return files;
}
