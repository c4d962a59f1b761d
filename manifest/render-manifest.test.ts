import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateManifest } from 'office-addin-manifest';
import { afterAll, describe, expect, it } from 'vitest';
import { ACCENT_COLOR } from './icons/draw-icons.js';
import { PackageOptionError, type PackageOptions } from './options.js';
import { renderLanguageFiles, renderManifest, TEXT_LIMITS, type JsonObject } from './render-manifest.js';
import { bundledSchema, localizationProblems, schemaMaxLength } from './schema-helpers.test-support.js';

const options: PackageOptions = {
  baseUrl: 'https://crm.example.com',
  clientId: '0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70',
  appId: 'c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41',
  brand: 'Zoho CRM',
  version: '1.2.3',
};

const workDir = mkdtempSync(join(tmpdir(), 'manifest-test-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

async function validate(manifest: JsonObject, name: string) {
  const path = join(workDir, `${name}.json`);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return validateManifest(path);
}

function errorsOf(result: Awaited<ReturnType<typeof validateManifest>>): string {
  return (result.report?.errors ?? []).map((e) => `${e.title ?? ''} ${e.content ?? ''}`).join('\n');
}

function thrown(fn: () => unknown): PackageOptionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackageOptionError) return error;
    throw error;
  }
  throw new Error('expected a PackageOptionError');
}

describe('renderManifest', () => {
  const manifest = renderManifest(options) as Record<string, any>;

  it('passes office-addin-manifest validation offline against the bundled 1.24 schema', async () => {
    const result = await validate(manifest, 'valid');
    expect(result.isValid, errorsOf(result)).toBe(true);
  });

  it('is reported invalid when a rule is broken, so the check can fail', async () => {
    const broken = structuredClone(manifest);
    broken.name.short = 'A short name that is far too long for Teams';
    const result = await validate(broken, 'broken');
    expect(result.isValid).toBe(false);
    expect(errorsOf(result)).toMatch(/short/);
  });

  it('declares manifest 1.24 consistently', () => {
    expect(manifest.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json',
    );
    expect(manifest.manifestVersion).toBe('1.24');
  });

  it('fills identity, SSO and URLs from the options', () => {
    expect(manifest.id).toBe(options.appId);
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.name.short).toBe('Zoho CRM');
    expect(manifest.validDomains).toEqual(['crm.example.com']);
    expect(manifest.webApplicationInfo).toEqual({
      id: options.clientId,
      resource: `api://crm.example.com/${options.clientId}`,
      nestedAppAuthInfo: [
        {
          redirectUri: 'brk-multihub://crm.example.com',
          scopes: [`api://crm.example.com/${options.clientId}/access_as_user`],
        },
      ],
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'MailboxItem.Read.User', type: 'Delegated' },
    ]);
  });

  it('opens the Teams tab with the locale placeholder Teams substitutes ({app.locale})', () => {
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({
        entityId: 'home',
        contentUrl: 'https://crm.example.com/index.html?host=teams&locale={app.locale}',
        websiteUrl: 'https://crm.example.com/',
        scopes: ['personal'],
      }),
    ]);
  });

  it('declares the Outlook task pane for read and compose, its button wired to an openPage action', () => {
    const [extension] = manifest.extensions;
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    const [runtime] = extension.runtimes;
    expect(runtime.code.page).toBe('https://crm.example.com/taskpane.html?host=outlook');
    expect(runtime.lifetime).toBe('short');
    const actionIds = runtime.actions.filter((a: any) => a.type === 'openPage').map((a: any) => a.id);
    expect(extension.ribbons.flatMap((r: any) => r.contexts)).toEqual(['mailRead', 'mailCompose']);
    const controls = extension.ribbons.flatMap((r: any) =>
      r.tabs.flatMap((t: any) => t.groups.flatMap((g: any) => g.controls)),
    );
    expect(controls).toHaveLength(2);
    for (const control of controls) {
      expect(actionIds).toContain(control.actionId);
      expect(control.icons.map((i: any) => [i.size, i.url])).toEqual([
        [16, 'https://crm.example.com/assets/icons/icon-16.png'],
        [32, 'https://crm.example.com/assets/icons/icon-32.png'],
        [80, 'https://crm.example.com/assets/icons/icon-80.png'],
      ]);
    }
  });

  it('uses the icons’ accent colour', () => {
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
  });

  it('keeps a port in the host (local development)', () => {
    const local = renderManifest({ ...options, baseUrl: 'https://localhost:3000' }) as Record<string, any>;
    expect(local.validDomains).toEqual(['localhost:3000']);
    expect(local.webApplicationInfo.nestedAppAuthInfo[0].redirectUri).toBe('brk-multihub://localhost:3000');
    expect(local.staticTabs[0].contentUrl).toBe('https://localhost:3000/index.html?host=teams&locale={app.locale}');
  });
});

describe('renderLanguageFiles', () => {
  const files = renderLanguageFiles(options);
  const manifest = renderManifest(options) as Record<string, any>;

  it('renders exactly the files localizationInfo names', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'de-de', file: 'de-de.json' }],
    });
    expect(Object.keys(files)).toEqual(['de-de.json']);
  });

  it('writes German strings that the 1.24 localization schema accepts', () => {
    const deDe = files['de-de.json']!;
    expect(localizationProblems(bundledSchema('1.24', 'MicrosoftTeams.Localization.schema.json'), deDe)).toEqual([]);
    expect(deDe['name.short']).toBe('Zoho CRM');
    expect(deDe['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].label']).toBe('Zoho CRM öffnen');
    expect(deDe['staticTabs[0].name']).toBe('Start');
  });

  it('translates only keys that exist in the manifest', () => {
    const lookup = (path: string): unknown =>
      path
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .reduce<any>((at, key) => at?.[key], manifest);
    for (const key of Object.keys(files['de-de.json']!).filter((k) => k !== '$schema')) {
      expect(typeof lookup(key), key).toBe('string');
    }
  });
});

describe('input validation', () => {
  it.each([
    ['http://crm.example.com', /https/],
    ['https://crm.example.com/app', /without path/],
    ['https://crm.example.com?x=1', /without path, query/],
    ['crm.example.com', /not a URL/],
  ])('rejects base URL %s naming --base-url', (baseUrl, message) => {
    const error = thrown(() => renderManifest({ ...options, baseUrl }));
    expect(error.option).toBe('--base-url');
    expect(error.message).toMatch(message);
  });

  it('rejects ids that are not GUIDs, naming the option', () => {
    expect(thrown(() => renderManifest({ ...options, clientId: 'my-client' })).option).toBe('--client-id');
    expect(thrown(() => renderManifest({ ...options, appId: '1234' })).option).toBe('--app-id');
  });

  it('rejects a version that is not n.n.n', () => {
    expect(thrown(() => renderManifest({ ...options, version: '1.2.3.4' })).option).toBe('--version');
  });

  it('accepts a brand up to the short-name limit and rejects a longer one, naming --brand', () => {
    const longest = 'B'.repeat(TEXT_LIMITS['name.short']!);
    expect((renderManifest({ ...options, brand: longest }) as any).name.short).toBe(longest);
    expect(
      localizationProblems(
        bundledSchema('1.24', 'MicrosoftTeams.Localization.schema.json'),
        renderLanguageFiles({ ...options, brand: longest })['de-de.json']!,
      ),
    ).toEqual([]);
    const error = thrown(() => renderManifest({ ...options, brand: `${longest}X` }));
    expect(error.option).toBe('--brand');
    expect(error.message).toMatch(/name\.short .* 31 characters/);
    expect(thrown(() => renderManifest({ ...options, brand: '   ' })).option).toBe('--brand');
  });

  it('keeps JSON intact for brands with quotes and umlauts', () => {
    const manifest = renderManifest({ ...options, brand: 'Müller "CRM"' }) as any;
    expect(manifest.name.full).toBe('Müller "CRM" for Microsoft 365');
  });
});

describe('TEXT_LIMITS', () => {
  it('matches the maxLength of each property in the bundled 1.24 schema', () => {
    const schema = bundledSchema('1.24');
    for (const [path, max] of Object.entries(TEXT_LIMITS)) {
      expect(schemaMaxLength(schema, path), path).toBe(max);
    }
  });
});
