import express from 'express';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../../../addin/precompressAssets.js';
import type { ServiceDependencies } from './dependencies.js';
import { preferredEncoding } from './hashedAssets.js';
import { staticRoutes } from './staticFiles.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that keeps the bytes as sent (fetch would decompress them and hide Content-Encoding's effect). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the add-in as a production web server serves it', () => {
  // Deployed under a dot-folder, which must not be taken for a hidden file.
  const addinDist = join(mkdtempSync(join(tmpdir(), 'crm-addin-')), '.apps', 'dist');
  const script = `export const answer = ${JSON.stringify('compressible text '.repeat(400))};\n`;
  const scriptPath = join(addinDist, 'assets', 'main-AbC123.js');
  let server: Server;
  let base: string;

  beforeAll(async () => {
    mkdirSync(join(addinDist, 'assets'), { recursive: true });
    writeFileSync(scriptPath, script);
    writeFileSync(join(addinDist, 'assets', 'logo-Xy9.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    writeFileSync(join(addinDist, 'index.html'), '<!doctype html><script src="/assets/main-AbC123.js"></script>');
    writeFileSync(join(addinDist, 'taskpane.html'), '<!doctype html><script src="%OFFICE_JS_URL%"></script>');
    precompressFolder(join(addinDist, 'assets'));
    const deps = {
      config: { officeJsUrl: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js' },
      paths: { addinDist, officeJs: join(addinDist, 'no-office-js'), icons: join(addinDist, 'no-icons') },
    } as unknown as ServiceDependencies;
    const app = express().use(staticRoutes(deps));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends a hashed script brotli-compressed to a browser that accepts brotli, cached for a year', async () => {
    const response = await get(`${base}/assets/main-AbC123.js`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('sends gzip where brotli is not accepted, and the file as it is where nothing is', async () => {
    const gzipped = await get(`${base}/assets/main-AbC123.js`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const refused = await get(`${base}/assets/main-AbC123.js`, { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const plain = await get(`${base}/assets/main-AbC123.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.toString()).toBe(script);
  });

  it('sends an image as it is (not compressed twice), still immutable', async () => {
    const response = await get(`${base}/assets/logo-Xy9.png`, { 'accept-encoding': 'br, gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toEqual(readFileSync(join(addinDist, 'assets', 'logo-Xy9.png')));
  });

  it('never caches the pages long: a new build reaches users on their next load', async () => {
    for (const page of ['/', '/index.html', '/taskpane.html']) {
      const response = await get(`${base}${page}`, { 'accept-encoding': 'br, gzip' });
      expect(response.status, page).toBe(200);
      expect(response.headers['cache-control'], page).toBe('no-cache');
    }
  });

  it('answers 404 for an asset that does not exist', async () => {
    const response = await get(`${base}/assets/main-Missing.js`, { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    expect(String(response.headers['cache-control'])).not.toMatch(/immutable/);
  });
});

describe('preferredEncoding', () => {
  const both = new Set(['br', 'gzip'] as const);
  it.each([
    ['gzip, deflate, br', 'br'],
    ['gzip;q=1, br;q=0.8', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['deflate', undefined],
    ['', undefined],
  ] as const)('%j → %s', (header, expected) => {
    expect(preferredEncoding(header, both)).toBe(expected);
  });

  it('picks only variants that were written', () => {
    expect(preferredEncoding('br, gzip', new Set(['gzip'] as const))).toBe('gzip');
    expect(preferredEncoding('br', new Set(['gzip'] as const))).toBeUndefined();
  });
});
