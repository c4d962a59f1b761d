/**
 * Checks an app package folder without the network: manifest.json against the Teams schema of its version bundled
 * in @microsoft/app-manifest (through office-addin-manifest, which only calls Microsoft's validation service for
 * XML manifests), and each language file against the localization schema's rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateManifest } from 'office-addin-manifest';
import { bundledSchema, localizationProblems } from './schema-helpers.test-support.js';

interface PackageManifest {
  manifestVersion?: string;
  localizationInfo?: { additionalLanguages?: { languageTag: string; file: string }[] };
}

/** The package's problems, each naming its file; empty when it is valid. */
export async function packageProblems(folder: string): Promise<string[]> {
  const manifestPath = join(folder, 'manifest.json');
  if (!existsSync(manifestPath)) return [`${manifestPath} does not exist: run \`npm run package\` first`];
  let result;
  try {
    result = await validateManifest(manifestPath);
  } catch (error) {
    // A value of the wrong type fails while reading, before the schema check.
    return [`manifest.json: ${error instanceof Error ? error.message.replace(/\s+/g, ' ') : String(error)}`];
  }
  const problems = result.isValid
    ? []
    : (result.report?.errors ?? []).map((error) => `manifest.json: ${error.content ?? error.title ?? 'invalid'}`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageManifest;
  const localization = bundledSchema(manifest.manifestVersion ?? '', 'MicrosoftTeams.Localization.schema.json');
  for (const { file } of manifest.localizationInfo?.additionalLanguages ?? []) {
    const path = join(folder, file);
    if (!existsSync(path)) {
      problems.push(`${file}: named in manifest.json but missing`);
      continue;
    }
    const strings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    problems.push(...localizationProblems(localization, strings).map((problem) => `${file}: ${problem}`));
  }
  return problems;
}
