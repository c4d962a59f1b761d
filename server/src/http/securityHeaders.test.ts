import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { securityHeaders } from './securityHeaders.js';

const base = {
  CLIENT_ID: '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08',
  CLIENT_SECRET: 's3cret',
  STATE_SECRET: 'x'.repeat(32),
};
const directive = (csp: string, name: string) => new RegExp(`(?:^|; )${name} ([^;]+)`).exec(csp)?.[1]?.split(' ') ?? [];

describe('securityHeaders', () => {
  it('asks browsers for HTTPS only when the service is published on a real https host', () => {
    const production = securityHeaders(loadConfig({ ...base, PUBLIC_URL: 'https://crm.example.com' }));
    expect(production['Strict-Transport-Security']).toBe('max-age=31536000');
    const local = securityHeaders(loadConfig({ ...base, PUBLIC_URL: 'https://localhost:3000' }));
    expect(local).not.toHaveProperty('Strict-Transport-Security');
  });

  it('allows the configured Office.js CDN and authority, and nothing else from outside', () => {
    const csp = securityHeaders(
      loadConfig({
        ...base,
        OFFICE_JS_URL: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
        AUTHORITY_HOST: 'https://login.microsoftonline.com',
      }),
    )['Content-Security-Policy']!;
    expect(directive(csp, 'script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directive(csp, 'connect-src')).toContain('https://login.microsoftonline.com');
    expect(directive(csp, 'frame-src')).toEqual(["'self'", 'https://login.microsoftonline.com']);
    expect(directive(csp, 'default-src')).toEqual(["'self'"]);
    expect(directive(csp, 'object-src')).toEqual(["'none'"]);
    const ancestors = directive(csp, 'frame-ancestors');
    expect(ancestors).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://outlook.office.com',
        'https://teams.microsoft.com',
        'https://*.cloud.microsoft',
      ]),
    );
    expect(
      ancestors.every((source) => source === "'self'" || /^https:\/\/[\w*.-]+\.(com|microsoft)$/.test(source)),
    ).toBe(true);
  });

  it('serves scripts from this origin alone when Office.js is the local copy', () => {
    const csp = securityHeaders(loadConfig(base))['Content-Security-Policy']!;
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
  });
});
