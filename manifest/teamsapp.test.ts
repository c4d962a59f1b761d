import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderManifest } from './render-manifest.js';

const root = resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface Step {
  uses: string;
  name?: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
const yml = read('teamsapp.yml');
const project = parse(yml) as Record<string, unknown> & { provision: Step[]; deploy: Step[]; publish: Step[] };
const aadManifestText = read('aad.manifest.json');
const aadManifest = JSON.parse(aadManifestText);

/** Action names the toolkit knows (docs/platform.md#agents-toolkit-actions): teamsfx-core 3.1.3, schema v1.13. */
const DOCUMENTED_ACTIONS = new Set([
  'teamsApp/create',
  'aadApp/create',
  'aadApp/update',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/validateWithTestCases',
  'teamsApp/update',
  'teamsApp/extendToM365',
  'teamsApp/publishAppPackage',
  'script',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'cli/runNpmCommand',
  'cli/runNpxCommand',
  'cli/runDotnetCommand',
  'devTool/install',
  'arm/deploy',
  'azureAppService/zipDeploy',
  'azureStorage/deploy',
  'azureStorage/enableStaticWebsite',
  'azureStaticWebApps/getDeploymentToken',
  'azureFunctions/zipDeploy',
  'botAadApp/create',
  'botFramework/create',
  'apiKey/register',
  'apiKey/update',
  'oauth/register',
  'oauth/update',
  'spfx/deploy',
  'teamsApp/copyAppPackageToSPFx',
  'teamsApp/syncManifest',
  'typeSpec/compile',
  'copilotAgent/publish',
  'dcr/register',
  'devChannel/create',
  'devChannel/installApp',
]);

/** Required `with` keys per action (docs/platform.md#required-with-keys; azureAppService/zipDeploy: templates). */
const REQUIRED_WITH: Record<string, string[]> = {
  'teamsApp/create': ['name'],
  'aadApp/create': ['name', 'generateClientSecret', 'signInAudience'],
  'aadApp/update': ['manifestPath', 'outputFilePath'],
  'teamsApp/validateManifest': ['manifestPath'],
  'teamsApp/zipAppPackage': ['manifestPath', 'outputZipPath', 'outputFolder'],
  'teamsApp/validateAppPackage': ['appPackagePath'],
  'teamsApp/update': ['appPackagePath'],
  'teamsApp/extendToM365': ['appPackagePath'],
  'teamsApp/publishAppPackage': ['appPackagePath'],
  script: ['run'],
  'cli/runNpmCommand': ['args'],
  'azureAppService/zipDeploy': ['artifactFolder', 'resourceId'],
};

/** Variables the toolkit provides itself, and those an action generates without writeToEnvironmentFile. */
const BUILT_INS = new Set(['TEAMSFX_ENV']);
const IMPLICIT_OUTPUTS: Record<string, string[]> = { 'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] };

const placeholders = (text: string) => [...text.matchAll(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => m[1]!);

function envFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) vars.set(match[1]!, match[2]!);
  }
  return vars;
}
const envDev = envFile(read('env/.env.dev'));

function outputsOf(step: Step): string[] {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  const fromScript =
    step.uses === 'script'
      ? [...(typeof step.with?.run === 'string' ? step.with.run : '').matchAll(/::set-teamsfx-env (\w+)=/g)].map(
          (m) => m[1]!,
        )
      : [];
  return [...written, ...fromScript, ...(IMPLICIT_OUTPUTS[step.uses] ?? [])];
}

describe('teamsapp.yml', () => {
  const allSteps = [...project.provision, ...project.deploy, ...project.publish];

  it('declares a toolkit yaml schema version atk accepts (v1.11–v1.13)', () => {
    expect(yml.split('\n')[0]).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/v1\.1[1-3]\/yaml\.schema\.json$/,
    );
    expect(project.version).toMatch(/^v1\.1[1-3]$/);
    expect(project.environmentFolderPath).toBe('./env');
  });

  it('uses only documented actions, each with its required inputs', () => {
    for (const step of allSteps) {
      expect(DOCUMENTED_ACTIONS.has(step.uses), step.uses).toBe(true);
      for (const key of REQUIRED_WITH[step.uses] ?? []) {
        expect(step.with?.[key], `${step.uses} needs with.${key}`).toBeDefined();
      }
    }
  });

  it('provisions in the order the toolkit samples use', () => {
    expect(project.provision.map((s) => s.uses)).toEqual([
      'aadApp/create',
      'teamsApp/create',
      'aadApp/update',
      'script',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'teamsApp/extendToM365',
    ]);
    const create = project.provision[0]!;
    expect(create.with).toMatchObject({ signInAudience: 'AzureADMultipleOrgs', generateClientSecret: true });
    expect(create.writeToEnvironmentFile?.clientSecret).toMatch(/^SECRET_/);
  });

  it('builds the package with npm run package and the environment’s values', () => {
    const builds = allSteps.filter((s) => s.uses === 'script');
    expect(builds.length).toBeGreaterThan(0);
    for (const step of builds) {
      expect(step.with?.run).toMatch(
        /^npm run package -- .*--base-url \$\{\{TAB_ENDPOINT\}\}.*--client-id \$\{\{AAD_APP_CLIENT_ID\}\}.*--app-id \$\{\{TEAMS_APP_ID\}\}/,
      );
    }
  });

  it('deploys the production build, never the local start', () => {
    expect(project.deploy.map((s) => [s.uses, s.with?.args, s.with?.workingDirectory])).toEqual([
      ['cli/runNpmCommand', 'ci', undefined],
      ['cli/runNpmCommand', 'run build', undefined],
      ['cli/runNpmCommand', 'run bundle', undefined],
      ['cli/runNpmCommand', 'ci --omit=dev', './build/deploy'],
      ['azureAppService/zipDeploy', undefined, undefined],
    ]);
    expect(project.deploy.at(-1)?.with?.artifactFolder).toBe('./build/deploy');
    // The App Service runs `npm start` of the deployed folder: it must be the compiled service, not the local stack.
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.bundle).toBe('tsx scripts/deploy-bundle.ts');
    expect(read('scripts/deploy-bundle.ts')).toContain("start: 'node dist/server/src/main.js'");
    expect(JSON.stringify(project.deploy)).not.toMatch(/\bstart\b/);
  });

  it('only uses ${{VAR}}s defined in env/.env.dev or written by an earlier step', () => {
    const available = new Set([...BUILT_INS, ...[...envDev].filter(([, value]) => value !== '').map(([key]) => key)]);
    // provision runs first and writes its outputs to the env file; deploy and publish see them.
    for (const lifecycle of ['provision', 'deploy', 'publish'] as const) {
      for (const step of project[lifecycle]) {
        const used = placeholders(JSON.stringify(step.with ?? {}));
        if (step.uses === 'aadApp/update') used.push(...placeholders(aadManifestText));
        const known = new Set([...available, ...(IMPLICIT_OUTPUTS[step.uses] ?? [])]);
        for (const name of used) expect(known.has(name), `${lifecycle} ${step.uses} uses \${{${name}}}`).toBe(true);
        for (const name of outputsOf(step)) available.add(name);
      }
    }
  });

  it('lists every variable a step writes in env/.env.dev, and no secrets', () => {
    for (const step of allSteps) {
      for (const name of outputsOf(step).filter((n) => !n.startsWith('SECRET_'))) {
        expect(envDev.has(name), name).toBe(true);
      }
    }
    expect([...envDev.keys()].filter((k) => k.startsWith('SECRET_'))).toEqual([]);
    // An empty value is a slot for a step's output; one that no step fills would fail at run time.
    const written = new Set(allSteps.flatMap(outputsOf));
    for (const [name, value] of envDev)
      if (value === '') expect(written.has(name), `${name} is never written`).toBe(true);
    expect(read('.gitignore').split('\n')).toContain('env/*.user');
  });
});

describe('aad.manifest.json', () => {
  it('is a multi-tenant app issuing v2 tokens for api://<domain>/<client id> with access_as_user', () => {
    expect(aadManifest.signInAudience).toBe('AzureADMultipleOrgs');
    expect(aadManifest.api.requestedAccessTokenVersion).toBe(2);
    expect(aadManifest.identifierUris).toEqual(['api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}']);
    expect(aadManifest.api.oauth2PermissionScopes).toEqual([
      expect.objectContaining({
        value: 'access_as_user',
        id: '${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}',
        isEnabled: true,
      }),
    ]);
  });

  // docs/platform.md#pre-authorized-host-clients
  it('pre-authorizes itself and the Teams, Microsoft 365 and Office hosts', () => {
    const preAuthorized = aadManifest.api.preAuthorizedApplications as {
      appId: string;
      delegatedPermissionIds: string[];
    }[];
    expect(preAuthorized.map((p) => p.appId).sort()).toEqual(
      [
        '${{AAD_APP_CLIENT_ID}}',
        '1fec8e78-bce4-4aaf-ab1b-5451cc387264', // Teams desktop/mobile
        '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', // Teams web
        '4765445b-32c6-49b0-83e6-1d93765276ca', // Microsoft 365 web
        '4345a7b9-9a63-4910-a426-35363201d503', // Microsoft 365 web
        '0ec893e0-5785-4de6-99da-4ed124e5296c', // Microsoft 365 desktop
        'd3590ed6-52b3-4102-aeff-aad2292ab01c', // Outlook desktop
        '00000002-0000-0ff1-ce00-000000000000', // Outlook web (Exchange Online)
        'bc59ab01-8403-45c6-8796-ac3ef710b3e3', // Outlook web
        '93d53678-613d-4013-afc1-62e9e444a0a5', // Office on the web
        'ea5a67f6-b6f3-4338-b240-c655ddc3cc8e', // all Office endpoints (legacy Office SSO)
      ].sort(),
    );
    for (const p of preAuthorized)
      expect(p.delegatedPermissionIds).toEqual(['${{AAD_APP_ACCESS_AS_USER_PERMISSION_ID}}']);
  });

  it('has the SPA (broker, fallback page, root) and web (install callback) redirect URIs', () => {
    expect(aadManifest.spa.redirectUris).toEqual([
      'brk-multihub://${{TAB_DOMAIN}}',
      'https://${{TAB_DOMAIN}}/auth-redirect.html',
      'https://${{TAB_DOMAIN}}/',
    ]);
    expect(aadManifest.web.redirectUris).toEqual(['https://${{TAB_DOMAIN}}/api/install/callback']);
  });

  it('requests the Microsoft Graph permissions by their published ids', () => {
    // Ids from Microsoft Graph's permission reference (servicePrincipal oauth2PermissionScopes / appRoles).
    const delegated = {
      'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
      'User.ReadBasic.All': 'b340eb25-3456-403f-be2f-af7a0d370277',
      'Mail.Send': 'e383f46e-2787-4529-855e-0e479a3ffac0',
      'Mail.Read': '570282fd-fa5c-430d-a7fd-fc8dc98a9dca',
      'Calendars.ReadWrite': '1ec239c2-d7c9-4623-a91a-a9775856bb36',
      'Contacts.ReadWrite': 'd56682ec-c09e-4743-aaf4-1a3aac4caa21',
      offline_access: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182',
      openid: '37f7f235-527c-4136-accd-4a02d197296e',
      profile: '14dad69e-099b-42c9-810b-d002981feec1',
    };
    const application = {
      'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
      'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
      'Calendars.ReadWrite': 'ef54d2bf-783f-4e0f-bca1-3210c0444d99',
      'Contacts.ReadWrite': '6918b873-d17a-4dc1-b314-35f528134491',
      'Mail.Read': '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
    };
    expect(aadManifest.requiredResourceAccess).toEqual([
      {
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        resourceAccess: [
          ...Object.values(delegated).map((id) => ({ id, type: 'Scope' })),
          ...Object.values(application).map((id) => ({ id, type: 'Role' })),
        ],
      },
    ]);
  });

  it('agrees with the app manifest on the API URI and the broker redirect for the dev environment', () => {
    const domain = envDev.get('TAB_DOMAIN')!;
    expect(envDev.get('TAB_ENDPOINT')).toBe(`https://${domain}`);
    const clientId = '0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70';
    const manifest = renderManifest({
      baseUrl: envDev.get('TAB_ENDPOINT')!,
      clientId,
      appId: 'c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41',
      brand: envDev.get('BRAND_NAME')!,
      version: '1.0.0',
    }) as any;
    const resolved = JSON.parse(
      aadManifestText.replaceAll('${{TAB_DOMAIN}}', domain).replaceAll('${{AAD_APP_CLIENT_ID}}', clientId),
    );
    expect(resolved.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(resolved.spa.redirectUris).toContain(manifest.webApplicationInfo.nestedAppAuthInfo[0].redirectUri);
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
  });
});
