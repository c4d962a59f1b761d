import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, describeConfig, loadConfig, type Config } from './config.js';

const valid = {
  CLIENT_ID: '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08',
  CLIENT_SECRET: 's3cret',
  STATE_SECRET: 'x'.repeat(32),
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills defaults that point at Microsoft 365 and a local SQLite file', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.authorityHost).toBe('https://login.microsoftonline.com');
    expect(config.graphBaseUrl).toBe('https://graph.microsoft.com/v1.0');
    expect(config.databaseUrl).toBe('sqlite:.local/crm.sqlite');
    expect(config.apiScope).toBe(`api://localhost:3000/${valid.CLIENT_ID}/access_as_user`);
  });

  it.each([
    [{ ...valid, CLIENT_ID: 'not-a-guid' }, 'CLIENT_ID'],
    [{ ...valid, PORT: 'eighty' }, 'PORT'],
    [{ ...valid, AUTHORITY_HOST: 'http://login.example' }, 'AUTHORITY_HOST'],
    [{ ...valid, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...valid, STATE_SECRET: 'short' }, 'STATE_SECRET'],
    [{ ...valid, TLS_CERT_FILE: '/tmp/cert.pem' }, 'TLS_KEY_FILE'],
    [{ CLIENT_ID: valid.CLIENT_ID, STATE_SECRET: valid.STATE_SECRET }, 'CLIENT_SECRET'],
  ])('refuses a wrong value and names the variable (%#)', (env, variable) => {
    const error = errorOf(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
  });

  it('masks secrets when the configuration is described for logs', () => {
    const described = JSON.stringify(describeConfig(loadConfig(valid)));
    expect(described).not.toContain('s3cret');
    expect(described).not.toContain(valid.STATE_SECRET);
  });

  it('documents every variable it reads in .env.example, each with a comment', () => {
    const lines = readFileSync(join(import.meta.dirname, '..', '..', '..', '.env.example'), 'utf8').split('\n');
    const documented = lines.flatMap((line, index) => {
      const name = /^([A-Z_][A-Z0-9_]*)=/.exec(line)?.[1];
      return name && lines[index - 1]?.startsWith('# ') ? [name] : [];
    });
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('loads the values .env.example sets, once the required ones are filled in', () => {
    const example = Object.fromEntries(
      readFileSync(join(import.meta.dirname, '..', '..', '..', '.env.example'), 'utf8')
        .split('\n')
        .flatMap((line) => {
          const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
          return match ? [[match[1]!, match[2]!]] : [];
        }),
    );
    const config = loadConfig({ ...example, ...valid });
    expect(config.shutdownGraceSeconds).toBe(10);
    expect(config.databaseUrl).toMatch(/^postgres:/);
  });
});

describe('describeConfig over every setting', () => {
  const password = 'Pa55-w0rd-in-url';
  /** Every variable set, each secret to a value of its own, every URL with credentials where the variable allows. */
  const everything: Record<(typeof CONFIG_VARIABLES)[number], string> = {
    PORT: '8443',
    HOST: '0.0.0.0',
    PUBLIC_URL: `https://crm:${password}-public@crm.example`,
    DATABASE_URL: `postgres://crm:${password}-db@db.example:5432/crm?sslmode=require&password=${password}-query`,
    DATABASE_SCHEMA: 'crm',
    AUTHORITY_HOST: `https://who:${password}-authority@login.example`,
    GRAPH_BASE_URL: `https://who:${password}-graph@graph.example/v1.0`,
    CLIENT_ID: valid.CLIENT_ID,
    CLIENT_SECRET: 'client-secret-value-1234',
    API_APP_ID_URI: 'api://crm.example/app',
    BRAND_NAME: 'Brand',
    TEAMS_APP_ID: 'c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41',
    STATE_SECRET: 'state-secret-value-'.padEnd(40, 'z'),
    TLS_CERT_FILE: '/etc/crm/cert.pem',
    TLS_KEY_FILE: '/etc/crm/key.pem',
    EXTRA_CA_CERTS_FILE: '/etc/crm/ca.pem',
    OFFICE_JS_URL: `https://who:${password}-officejs@cdn.example/office.js`,
    NEW_ORGANISATION_EDITION: 'standard',
    SYNC_SAFETY_NET_SECONDS: '60',
    SYNC_REVIEW_SECONDS: '60',
    RUN_JOBS: 'false',
    SYNC_RUNS_PER_PROCESS: '8',
    LOG_LEVEL: 'warn',
    DATABASE_CONNECT_TIMEOUT_SECONDS: '5',
    DATABASE_STATEMENT_TIMEOUT_SECONDS: '30',
    SHUTDOWN_GRACE_SECONDS: '10',
  };
  const secrets = [password, everything.CLIENT_SECRET, everything.STATE_SECRET];

  it('is given every variable the service reads', () => {
    expect(Object.keys(everything).sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it('shows no secret and no password of any URL, and keeps what an operator needs', () => {
    const described = describeConfig(loadConfig(everything));
    const text = JSON.stringify(described);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(described.databaseUrl).toBe('postgres://crm:***@db.example:5432/crm?sslmode=require&password=***');
    expect(described.clientId).toBe(valid.CLIENT_ID);
    expect(described.tls).toEqual({ certFile: '/etc/crm/cert.pem', keyFile: '/etc/crm/key.pem' });
  });

  it('masks a password in whichever setting holds a URL, and every setting named like a secret', () => {
    const config = loadConfig(everything);
    for (const name of Object.keys(config) as (keyof Config)[]) {
      const planted = { ...config, [name]: `postgres://someone:${password}@host.example/db` };
      expect(JSON.stringify(describeConfig(planted)), name).not.toContain(password);
      if (/secret|password|token|key$/i.test(name)) {
        const plain = { ...config, [name]: 'plain-value-of-a-secret' };
        expect(JSON.stringify(describeConfig(plain)), name).not.toContain('plain-value-of-a-secret');
      }
    }
  });
});
