import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src/main/server/server';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { tokenMatches } from '../../../src/main/server/security';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { UPLOAD_CHUNK_BYTES } from '../../../src/shared/files/contract';
import { tmpDir } from '../../helpers/tmp';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so tests can send the Host and Origin headers a browser would (fetch forbids setting Host). */
function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

let server: RunningServer | undefined;
let runtime: Runtime | undefined;
afterEach(async () => {
  await server?.close();
  runtime?.dispose();
  server = undefined;
});

async function start(extra: Partial<Parameters<typeof startServer>[0]> = {}) {
  const dir = tmpDir();
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Funnel Review</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
  runtime = new Runtime({ dataDir: path.join(dir, 'data'), host: 'browser', appVersion: 'test' });
  server = await startServer({ runtime, dispatch: createDispatch(runtime, handlers), rendererDir: renderer, ...extra });
  return { dir, server, auth: { Authorization: `Bearer ${server.token}` } };
}

const json = { 'Content-Type': 'application/json' };

describe('local server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const { server } = await start();
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('refuses a non-loopback bind unless asked explicitly', async () => {
    await expect(start({ host: '0.0.0.0' })).rejects.toMatchObject({ code: 'server.remoteRefused' });
  });

  it('refuses every request without the token with 401', async () => {
    const { server } = await start();
    expect((await request(server.port, { path: '/' })).status).toBe(401);
    expect((await request(server.port, { path: '/assets/app.js' })).status).toBe(401);
    const api = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: json,
      body: '{}',
    });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'server.unauthorized' } });
    const wrong = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, Authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
  });

  it('serves the app with the token, sets a strict cookie and the CSP header', async () => {
    const { server } = await start();
    const page = await request(server.port, { path: `/?token=${server.token}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const asset = await request(server.port, { path: '/assets/app.js', headers: { Cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers API calls with the bearer token, through the shared dispatcher', async () => {
    const { server, auth } = await start();
    const r = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...auth },
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { workspace: null, host: 'browser' } });
    const bad = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.open',
      headers: { ...json, ...auth },
      body: '{"path": 5}',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'validation.invalidInput' } });
    const notJson = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...auth },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    const get = await request(server.port, { path: '/api/workspace.session', headers: auth });
    expect(get.status).toBe(405);
  });

  it('does not accept the cookie alone for API calls (no cross-site request forgery)', async () => {
    const { server } = await start();
    const page = await request(server.port, { path: `/?token=${server.token}` });
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    const r = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, Cookie: cookie },
      body: '{}',
    });
    expect(r.status).toBe(401);
  });

  it('rejects foreign Host headers (DNS rebinding) and foreign Origins', async () => {
    const { server, auth } = await start();
    const rebinding = await request(server.port, {
      path: `/?token=${server.token}`,
      headers: { Host: `evil.example:${server.port}` },
    });
    expect(rebinding.status).toBe(421);
    const origin = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...auth, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(origin.status).toBe(403);
    const ok = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...auth, Origin: `http://localhost:${server.port}`, Host: `localhost:${server.port}` },
      body: '{}',
    });
    expect(ok.status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const { server } = await start();
    const q = `token=${server.token}`;
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/..%00/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const r = await request(server.port, { path: `${p}?${q}` });
      expect(r.body).not.toContain('top secret');
    }
  });

  it('limits the size of API requests', async () => {
    const { server, auth } = await start({ maxJsonBytes: 1024 });
    const big = JSON.stringify({ name: 'x'.repeat(5000) });
    const r = await request(server.port, {
      method: 'POST',
      path: '/api/workspace.setPreferences',
      headers: { ...json, ...auth },
      body: big,
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'server.tooLarge' } });
  });

  it('accepts a full-size upload chunk within the JSON body limit', async () => {
    const { server, auth } = await start();
    const begin = await request(server.port, {
      method: 'POST',
      path: '/api/files.beginUpload',
      headers: { ...json, ...auth },
      body: JSON.stringify({ name: 'big.csv', sizeBytes: UPLOAD_CHUNK_BYTES }),
    });
    const { uploadId } = (JSON.parse(begin.body) as { value: { uploadId: string } }).value;
    const base64 = Buffer.alloc(UPLOAD_CHUNK_BYTES, 0x61).toString('base64');
    const append = await request(server.port, {
      method: 'POST',
      path: '/api/files.appendUpload',
      headers: { ...json, ...auth },
      body: JSON.stringify({ uploadId, offset: 0, base64 }),
    });
    expect(append.status).toBe(200);
    expect(JSON.parse(append.body)).toEqual({ ok: true, value: { receivedBytes: UPLOAD_CHUNK_BYTES } });
  });

  it('compares tokens without leaking their length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abc', 'abd')).toBe(false);
    expect(tokenMatches('abc', 'abcd')).toBe(false);
    expect(tokenMatches('abc', '')).toBe(false);
    expect(tokenMatches('abc', undefined)).toBe(false);
  });
});
