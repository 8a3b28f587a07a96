import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/main/server/server';
import { createDispatch } from '../../src/main/runtime/dispatch';
import { handlers } from '../../src/main/runtime/handlers';
import { Runtime } from '../../src/main/runtime/runtime';
import { recordFigures } from './support/figures';
import { rawExchange, request, serverFixture, type Reply, type ServerFixture } from './support/http';

/**
 * The local server beyond tests/main/server: where it listens, that every kind of request needs the
 * token (downloads included), Host/Origin checks against DNS rebinding, static serving that never
 * leaves the renderer folder, request size and header time limits, strict JSON, and a fuzz of
 * methods and paths that must never produce a 5xx or a success without the token.
 */

let fx: ServerFixture;
let requests = 0;
const json = { 'Content-Type': 'application/json' };

async function send(options: Parameters<typeof request>[1]): Promise<Reply> {
  requests++;
  return request(fx.server.port, options);
}

beforeAll(async () => {
  fx = await serverFixture(fs.mkdtempSync(path.join(os.tmpdir(), 'fr-server-')), { headersTimeoutMs: 800 });
});

afterAll(async () => {
  await fx?.close();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
  recordFigures('local server', 'server', { 'requests checked': requests });
});

function exportFile(): string {
  const slot = fx.runtime.files.reserve('leads.csv');
  fs.writeFileSync(slot.path, 'lead_id\nSECRET-LEAD\n');
  return slot.commit().id;
}

describe('where the server listens', () => {
  it('binds loopback only: another address of this machine is refused at the TCP level', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    if (!external) {
      console.log('local server: no non-loopback IPv4 address on this machine, so the TCP refusal is not checked');
      return;
    }
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect(fx.server.port, external);
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('refuses every non-loopback address unless remote access is asked for explicitly', async () => {
    const runtime = new Runtime({ dataDir: path.join(fx.dir, 'other'), host: 'browser', appVersion: 'test' });
    try {
      for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com']) {
        await expect(
          startServer({ runtime, dispatch: createDispatch(runtime, handlers), rendererDir: fx.dir, host }),
        ).rejects.toMatchObject({
          code: 'server.remoteRefused',
        });
      }
    } finally {
      runtime.dispose();
    }
  });
});

describe('the token', () => {
  it('is required on every kind of request, downloads included, and only the exact token passes', async () => {
    const id = exportFile();
    const token = fx.server.token;
    const wrong: Array<Record<string, string>> = [
      {},
      { Authorization: 'Bearer ' },
      { Authorization: `Bearer ${token.slice(0, -1)}` },
      { Authorization: `Bearer ${token}x` },
      { Authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}` },
      { Authorization: `bearer ${token}` },
      { Authorization: `Basic ${Buffer.from(`x:${token}`).toString('base64')}` },
      { Cookie: `fr_token_${fx.server.port}=${token.slice(1)}` },
      { Cookie: `fr_token_${fx.server.port + 1}=${token}` },
    ];
    const targets = ['/', '/index.html', '/assets/app.js', `/files/${id}`, '/nowhere'];
    for (const headers of wrong) {
      for (const p of targets)
        expect((await send({ path: p, headers })).status, `${p} ${JSON.stringify(headers)}`).toBe(401);
      const api = await send({
        method: 'POST',
        path: '/api/workspace.session',
        headers: { ...json, ...headers },
        body: '{}',
      });
      expect(api.status).toBe(401);
    }
    // Downloads take the bearer token, the page's cookie or the token in the link; the API only the bearer token.
    const download = await send({ path: `/files/${id}`, headers: fx.auth });
    expect(download).toMatchObject({ status: 200, body: 'lead_id\nSECRET-LEAD\n' });
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(
      (await send({ path: `/files/${id}`, headers: { Cookie: `fr_token_${fx.server.port}=${token}` } })).status,
    ).toBe(200);
    expect((await send({ path: `/files/${id}?token=${token}` })).status).toBe(200);
    const apiWithQuery = await send({
      method: 'POST',
      path: `/api/workspace.session?token=${token}`,
      headers: json,
      body: '{}',
    });
    expect(apiWithQuery.status).toBe(401);
  });

  it('downloads only files the session registered, by id', async () => {
    for (const id of [
      'nope',
      '..%2F..%2Fsecret.txt',
      '../../secret.txt',
      '%00',
      '00000000-0000-4000-8000-000000000000',
      '__proto__',
      'constructor',
    ]) {
      const r = await send({ path: `/files/${id}`, headers: fx.auth });
      expect(r.status, id).toBe(404);
      expect(r.body).not.toContain('top secret');
    }
    expect((await send({ method: 'POST', path: `/files/${exportFile()}`, headers: fx.auth })).status).toBe(405);
  });
});

describe('DNS rebinding and cross-site requests', () => {
  it('accepts only the names the server was reached by, and only its own origin', async () => {
    const port = fx.server.port;
    const badHosts = [
      `evil.example:${port}`,
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
      `127.0.0.1.nip.io:${port}`,
      `0.0.0.0:${port}`,
    ];
    for (const Host of badHosts) {
      expect((await send({ path: `/?token=${fx.server.token}`, headers: { Host } })).status, Host).toBe(421);
      const api = await send({
        method: 'POST',
        path: '/api/workspace.session',
        headers: { ...json, ...fx.auth, Host },
        body: '{}',
      });
      expect(api.status, Host).toBe(421);
    }
    for (const Host of [`localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      const ok = await send({
        method: 'POST',
        path: '/api/workspace.session',
        headers: { ...json, ...fx.auth, Host },
        body: '{}',
      });
      expect(ok.status, Host).toBe(200);
    }
    const badOrigins = [
      'null',
      'http://evil.example',
      `http://127.0.0.1:${port + 1}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port}.evil.example`,
      'file://',
    ];
    for (const Origin of badOrigins) {
      const r = await send({
        method: 'POST',
        path: '/api/workspace.session',
        headers: { ...json, ...fx.auth, Origin },
        body: '{}',
      });
      expect(r.status, Origin).toBe(403);
    }
  });
});

describe('static files', () => {
  it('never serves a file outside the renderer folder, however the path is encoded', async () => {
    fs.symlinkSync(path.join(fx.dir, 'secret.txt'), path.join(fx.dir, 'renderer', 'assets', 'link.txt'));
    const q = `token=${fx.server.token}`;
    const attempts = [
      '/%252e%252e/secret.txt',
      '/.%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%c0%ae%c0%ae/secret.txt',
      '/assets/..;/..;/secret.txt',
      '/assets/link.txt',
      '//..//secret.txt',
      `/${'../'.repeat(20)}etc/passwd`,
      '/%2fetc%2fpasswd',
      '/assets/%5c..%5c..%5csecret.txt',
    ];
    for (const p of attempts) {
      const r = await send({ path: `${p}?${q}` });
      expect(r.body, p).not.toContain('top secret');
      expect(r.body, p).not.toContain('root:');
      expect(r.status, p).toBeLessThan(500);
    }
  });
});

describe('request limits', () => {
  it('refuses bodies over the limit whether declared or streamed, and deep nesting without falling over', async () => {
    const big = `{"name":"${'x'.repeat(9 * 1024 * 1024)}"}`;
    const declared = await send({
      method: 'POST',
      path: '/api/workspace.setPreferences',
      headers: { ...json, ...fx.auth },
      body: big,
    });
    expect(declared.status).toBe(413);
    const streamed = await send({
      method: 'POST',
      path: '/api/workspace.setPreferences',
      headers: { ...json, ...fx.auth },
      body: big,
      chunked: true,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ ok: false, error: { code: 'server.tooLarge' } });
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const nested = await send({
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...fx.auth },
      body: deep,
    });
    expect([200, 400]).toContain(nested.status);
    expect(
      (await send({ method: 'POST', path: '/api/workspace.session', headers: { ...json, ...fx.auth }, body: '{}' }))
        .status,
    ).toBe(200);
  });

  it('drops a client that sends its headers too slowly (slowloris) while serving others', async () => {
    const slow = rawExchange(
      fx.server.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${fx.server.port}\r\nX-Slow: 1\r\n`,
      8000,
    );
    const other = await send({
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...fx.auth },
      body: '{}',
    });
    expect(other.status).toBe(200);
    const started = Date.now();
    const result = await slow;
    expect(result.closedByServer).toBe(true);
    expect(Date.now() - started).toBeLessThan(7000);
  });

  it('takes API calls only as application/json', async () => {
    const types = [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonp',
      'application/json-patch+json',
      'text/json',
      '',
    ];
    for (const type of types) {
      const headers: Record<string, string> = { ...fx.auth, ...(type ? { 'Content-Type': type } : {}) };
      const r = await send({ method: 'POST', path: '/api/workspace.session', headers, body: '{}' });
      expect(r.status, type || '(none)').toBe(415);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'server.jsonExpected' } });
    }
    const charset = await send({
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...fx.auth, 'Content-Type': 'Application/JSON; charset=utf-8' },
      body: '{}',
    });
    expect(charset.status).toBe(200);
  });
});

describe('method and path fuzz', () => {
  it('never answers 5xx, never succeeds without the token, and keeps serving', async () => {
    const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'];
    const paths = [
      '/api/',
      '/api',
      '/api/workspace.session/extra',
      '/api/__proto__',
      '/api/constructor',
      '/api/..%2f..%2fetc%2fpasswd',
      '/api/workspace.session%00',
      '/files/',
      '/files/%00',
      '//',
      '/%',
      '/%zz',
      `/${'a'.repeat(8000)}`,
      '/?token=',
      '/index.html?token[]=x',
    ];
    for (const method of methods) {
      for (const p of paths) {
        for (const headers of [{}, fx.auth]) {
          const r = await send({
            method,
            path: p,
            headers: { ...json, ...headers },
            ...(method === 'POST' ? { body: '{}' } : {}),
          });
          const where = `${method} ${p.slice(0, 60)} ${Object.keys(headers).length ? 'with' : 'without'} token`;
          expect(r.status, where).toBeLessThan(500);
          if (Object.keys(headers).length === 0) expect(r.status, where).toBeGreaterThanOrEqual(400);
        }
      }
    }
    const garbage = [
      'GARBAGE / HTTP/1.1\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${fx.server.port}\r\nContent-Length: -1\r\n\r\n`,
      `POST /api/workspace.session HTTP/1.1\r\nHost: 127.0.0.1:${fx.server.port}\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
      '\u0000\u0001\u0002\r\n\r\n',
    ];
    for (const bytes of garbage) {
      requests++;
      const r = await rawExchange(fx.server.port, bytes, 3000);
      expect(r.text.startsWith('HTTP/1.1 5'), JSON.stringify(bytes)).toBe(false);
    }
    const still = await send({
      method: 'POST',
      path: '/api/workspace.session',
      headers: { ...json, ...fx.auth },
      body: '{}',
    });
    expect(still.status).toBe(200);
  });
});
