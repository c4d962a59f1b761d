import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, describeConfig, loadConfig } from './config.js';

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
