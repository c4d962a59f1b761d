/** The inputs of the app package build, and their validation. */

export interface PackageOptions {
  /** Origin the service is reachable at, e.g. https://crm.example.com (no path, no query). */
  baseUrl: string;
  /** Entra application (client) id of the app registration. */
  clientId: string;
  /** Teams app id; the same GUID identifies the Outlook add-in. */
  appId: string;
  /** Brand shown to users, e.g. "Zoho CRM". */
  brand: string;
  /** App version, n.n.n. */
  version: string;
}

/** PackageOptions after validation, plus what is derived from them. */
export interface ValidatedOptions extends PackageOptions {
  /** host[:port] of baseUrl, lower case; used in validDomains, api:// and brk-multihub:// URIs. */
  host: string;
}

/** A bad input value; `option` is the CLI flag that carries it, so messages can name it. */
export class PackageOptionError extends Error {
  constructor(
    readonly option: string,
    detail: string,
  ) {
    super(`${option}: ${detail}`);
    this.name = 'PackageOptionError';
  }
}

// Same pattern as the manifest schema's "guid" definition.
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// The schema allows n.n.n only; Office also caps each part at 5 digits.
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}$/;

function validateBaseUrl(value: string): { baseUrl: string; host: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new PackageOptionError('--base-url', `"${value}" is not a URL; expected e.g. https://crm.example.com`);
  }
  if (url.protocol !== 'https:') {
    throw new PackageOptionError('--base-url', `"${value}" must use https (Teams and Office load only https pages)`);
  }
  if (url.username || url.password) {
    throw new PackageOptionError('--base-url', `"${value}" must not contain credentials`);
  }
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(value)) {
    throw new PackageOptionError(
      '--base-url',
      `"${value}" must be an origin without path, query or fragment (e.g. https://crm.example.com); ` +
        'the host is also used for the api:// and brk-multihub:// URIs, which cannot carry a path',
    );
  }
  return { baseUrl: `https://${url.host}`, host: url.host };
}

function validateGuid(option: string, value: string): string {
  if (!GUID.test(value)) {
    throw new PackageOptionError(option, `"${value}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)`);
  }
  return value.toLowerCase();
}

function validateBrand(value: string): string {
  const brand = value.trim();
  // The localization schema's nonEmptyString rejects a literal "null", so such a brand breaks the de-de file.
  if (brand === '' || /^null$/i.test(brand)) {
    throw new PackageOptionError('--brand', 'must be a non-empty name');
  }
  if ([...brand].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    throw new PackageOptionError('--brand', 'must not contain control characters');
  }
  return brand;
}

/** Checks every option and returns normalized values; throws PackageOptionError naming the bad option. */
export function validateOptions(options: PackageOptions): ValidatedOptions {
  const { baseUrl, host } = validateBaseUrl(options.baseUrl);
  if (!VERSION.test(options.version)) {
    throw new PackageOptionError('--version', `"${options.version}" must be n.n.n with at most 5 digits per part`);
  }
  return {
    baseUrl,
    host,
    clientId: validateGuid('--client-id', options.clientId),
    appId: validateGuid('--app-id', options.appId),
    brand: validateBrand(options.brand),
    version: options.version,
  };
}
