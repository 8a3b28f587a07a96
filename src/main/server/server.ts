import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { AppError } from '../../shared/errors';
import type { Dispatch } from '../runtime/dispatch';
import type { Runtime } from '../runtime/runtime';
import { contentType, resolveStatic } from './static';
import { hostAllowed, isLoopbackAddress, newToken, originAllowed, readCookie, tokenMatches } from './security';

export interface ServerOptions {
  readonly runtime: Runtime;
  readonly dispatch: Dispatch;
  /** Built renderer (vite output). */
  readonly rendererDir: string;
  readonly host?: string;
  readonly port?: number;
  /** Binding to a non-loopback address exposes the workspace to the network: only when asked. */
  readonly allowRemote?: boolean;
  readonly token?: string;
  readonly maxJsonBytes?: number;
  /** How long a client may take to send its request headers before the connection is dropped. */
  readonly headersTimeoutMs?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

// Cookies are shared by every port of a host: the name carries the port so two servers do not clash.
const cookieName = (port: number): string => `fr_token_${port}`;
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly payload: AppError,
  ) {
    super(payload.message);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, error: AppError): void {
  sendJson(res, status, { ok: false, error: error.toPayload() });
}

async function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new HttpError(413, new AppError('server.tooLarge', { limit }));
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, new AppError('server.tooLarge', { limit }));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Browser mode: the built renderer and the same API over HTTP, on loopback, behind a per-run
 * token. The page gets the token once in its URL, trades it for a SameSite=Strict cookie (for
 * assets and downloads) and sends it as a bearer header on API calls.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackAddress(host) && !options.allowRemote) {
    throw new AppError('server.remoteRefused', { host });
  }
  const token = options.token ?? newToken();
  const maxJson = options.maxJsonBytes ?? 8 * 1024 * 1024;
  const { runtime, dispatch, rendererDir } = options;
  let port = 0;
  const allowedHosts = (): string[] =>
    isLoopbackAddress(host) ? ['127.0.0.1', 'localhost', '[::1]'] : ['127.0.0.1', 'localhost', host.toLowerCase()];

  const authorized = (req: http.IncomingMessage, url: URL, allowCookie: boolean): boolean => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && tokenMatches(token, auth.slice(7))) return true;
    if (allowCookie && tokenMatches(token, readCookie(req.headers.cookie, cookieName(port)))) return true;
    return allowCookie && tokenMatches(token, url.searchParams.get('token'));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (!hostAllowed(req.headers.host, port, allowedHosts())) {
      return sendError(res, 421, new AppError('server.badHost'));
    }
    if (!originAllowed(req.headers.origin, port, allowedHosts())) {
      return sendError(res, 403, new AppError('server.badOrigin'));
    }
    // Appended, not resolved: a target such as `//x` would otherwise read as another host.
    let url: URL;
    try {
      url = new URL(`http://127.0.0.1:${port}${req.url ?? '/'}`);
    } catch {
      return sendError(res, 400, new AppError('server.badRequest'));
    }
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith('/api/')) {
      if (method !== 'POST') return sendError(res, 405, new AppError('server.methodNotAllowed'));
      if (!authorized(req, url, false)) return sendError(res, 401, new AppError('server.unauthorized'));
      // Exactly application/json (parameters such as charset aside): no form, text or look-alike types.
      if ((req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() !== 'application/json') {
        return sendError(res, 415, new AppError('server.jsonExpected'));
      }
      const body = await readBody(req, maxJson);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendError(res, 400, new AppError('server.badJson'));
      }
      const result = await dispatch(url.pathname.slice(5), input);
      return sendJson(res, 200, result);
    }

    if (url.pathname.startsWith('/files/')) {
      if (method !== 'GET') return sendError(res, 405, new AppError('server.methodNotAllowed'));
      if (!authorized(req, url, true)) return sendError(res, 401, new AppError('server.unauthorized'));
      let entry;
      try {
        entry = runtime.files.get(url.pathname.slice(7));
      } catch (e) {
        return sendError(res, 404, e instanceof AppError ? e : new AppError('server.notFound'));
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': entry.ref.mime,
        'Content-Length': fs.statSync(entry.path).size,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(entry.ref.name)}`,
        'Cache-Control': 'no-store',
      });
      await pipeline(fs.createReadStream(entry.path), res);
      return;
    }

    if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, new AppError('server.methodNotAllowed'));
    if (!authorized(req, url, true)) {
      res.writeHead(401, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('401 Unauthorized: open the URL with the token printed by `funnel-review serve`.\n');
      return;
    }
    const headers: Record<string, string> = { ...SECURITY_HEADERS };
    if (url.searchParams.has('token')) {
      headers['Set-Cookie'] = `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    }
    // Unknown paths fall back to the app shell, which routes on the client.
    const file =
      resolveStatic(rendererDir, url.pathname) ??
      (path.extname(url.pathname) ? null : resolveStatic(rendererDir, '/index.html'));
    if (!file) return sendError(res, 404, new AppError('server.notFound'));
    const type = contentType(file);
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
      headers['Cache-Control'] = 'no-store';
    }
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': String(fs.statSync(file).size) });
    if (method === 'HEAD') return void res.end();
    await pipeline(fs.createReadStream(file), res);
  };

  const headersTimeout = options.headersTimeoutMs ?? 20_000;
  const server = http.createServer(
    // Slow clients (slowloris) are cut off once their headers are late; Node checks on this interval.
    { headersTimeout, requestTimeout: 0, connectionsCheckingInterval: Math.min(1000, headersTimeout) },
    (req, res) => {
      handle(req, res).catch((e: unknown) => {
        if (res.headersSent) return void res.destroy();
        if (e instanceof HttpError) return sendError(res, e.status, e.payload);
        console.error('[server]', e);
        sendError(res, 500, new AppError('internal', { detail: String((e as Error)?.message ?? e) }));
      });
    },
  );
  // No overall request deadline: downloads of large exports may take minutes.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new AppError('server.portInUse', { port: options.port ?? 0 })
          : new AppError('server.cannotListen', { detail: e.message }),
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const displayHost = host.includes(':') ? `[${host}]` : host;
  const origin = `http://${displayHost}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
