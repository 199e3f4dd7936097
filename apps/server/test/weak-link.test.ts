import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from './harness.ts';
import { signedIn, type Client } from './factories.ts';

// A tiny stand-in for apps/web/dist: what Vite writes, hashed assets under assets/.
const BUNDLE = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;
let dist: string;
let env: TestEnv;
let client: Client;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'pilotage-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><script src="/assets/index-AbC123.js"></script>',
  );
  await writeFile(path.join(dist, 'assets', 'index-AbC123.js'), BUNDLE);
  await writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  env = await createTestEnv({ webDist: dist });
  client = (await signedIn(env, 'VN', ['admin'])).client;
});
afterAll(async () => {
  await env.close();
  await rm(dist, { recursive: true, force: true });
});

describe('compression', () => {
  it('a JSON response is brotli-compressed when Accept-Encoding asks for it, and still valid JSON', async () => {
    const res = await client.get('/api/org-units', { 'accept-encoding': 'br, gzip' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    const body = JSON.parse(brotliDecompressSync(res.rawPayload).toString('utf8'));
    expect(body).toBeTruthy();
    expect(res.rawPayload.length).toBeLessThan(brotliDecompressSync(res.rawPayload).length / 2);
  });

  it('gzip when only gzip is accepted; identity when nothing is', async () => {
    const gz = await client.get('/api/org-units', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(() => JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).not.toThrow();
    const plain = await client.get('/api/org-units', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(() => plain.json()).not.toThrow();
  });
});

describe('caching of the built web app', () => {
  it('hashed assets are immutable for a year, and compressed', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(BUNDLE);
  });

  it('index.html, client routes and un-hashed files are revalidated (no-cache)', async () => {
    for (const url of ['/', '/index.html', '/reports/new', '/favicon.svg']) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });
});
