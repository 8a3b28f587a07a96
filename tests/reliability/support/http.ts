import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createDispatch } from '../../../src/main/runtime/dispatch';
import { handlers } from '../../../src/main/runtime/handlers';
import { Runtime } from '../../../src/main/runtime/runtime';
import { startServer, type RunningServer, type ServerOptions } from '../../../src/main/server/server';

export interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** Raw HTTP, so tests can send any Host, Origin or method (fetch forbids some of them). */
export function request(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    chunked?: boolean;
  },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.chunked) req.setHeader('Transfer-Encoding', 'chunked');
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Writes raw bytes on a fresh connection and returns what comes back before the server closes it. */
export function rawExchange(
  port: number,
  bytes: string,
  timeoutMs = 5000,
): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, timeoutMs);
    socket.on('data', (d: Buffer) => (text += d.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, closedByServer: true });
    });
    socket.on('error', () => undefined);
    socket.write(bytes);
  });
}

export interface ServerFixture {
  readonly dir: string;
  readonly runtime: Runtime;
  readonly server: RunningServer;
  readonly auth: Record<string, string>;
  close(): Promise<void>;
}

/** A real server on a throwaway data folder, a renderer folder with one asset, and a secret beside it. */
export async function serverFixture(dir: string, extra: Partial<ServerOptions> = {}): Promise<ServerFixture> {
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>Funnel Review</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'top secret');
  const runtime = new Runtime({ dataDir: path.join(dir, 'data'), host: 'browser', appVersion: 'test' });
  const server = await startServer({
    runtime,
    dispatch: createDispatch(runtime, handlers),
    rendererDir: renderer,
    ...extra,
  });
  return {
    dir,
    runtime,
    server,
    auth: { Authorization: `Bearer ${server.token}` },
    close: async () => {
      await server.close();
      runtime.dispose();
    },
  };
}
