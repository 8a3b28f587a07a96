import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors';
import { createHttpTransport, type HttpEnvironment } from '../../src/renderer/transport/http-transport';
import { TOKEN_KEY } from '../../src/renderer/transport/token';

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function fakeEnvironment(href: string, respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const stored = new Map<string, string>();
  const replaced: string[] = [];
  const downloads: { url: string; name: string }[] = [];
  const url = new URL(href);
  const env: HttpEnvironment = {
    location: { href, origin: url.origin },
    history: { state: { kept: true }, replaceState: (_data, _unused, next) => void replaced.push(String(next)) },
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    fetch: async (u, init) => {
      const call = { url: u, init };
      calls.push(call);
      return respond(call);
    },
    startDownload: (u, name) => void downloads.push({ url: u, name }),
  };
  return { env, calls, stored, replaced, downloads };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const header = (init: RequestInit, name: string): string | undefined => {
  const headers = init.headers;
  return headers && !(headers instanceof Headers) && !Array.isArray(headers) ? headers[name] : undefined;
};

describe('HTTP transport', () => {
  it('takes the token from the URL, keeps it in sessionStorage and strips it from the address bar', () => {
    const fake = fakeEnvironment('http://127.0.0.1:4100/?token=secret-1&x=1#/funnel', () =>
      json({ ok: true, value: null }),
    );
    createHttpTransport(fake.env);
    expect(fake.stored.get(TOKEN_KEY)).toBe('secret-1');
    expect(fake.replaced).toEqual(['/?x=1#/funnel']);
  });

  it('falls back to the stored token after a reload, without touching history', async () => {
    const fake = fakeEnvironment('http://127.0.0.1:4100/#/sla', () =>
      json({ ok: true, value: { events: [], last: 0 } }),
    );
    fake.stored.set(TOKEN_KEY, 'from-storage');
    const transport = createHttpTransport(fake.env);
    await transport.api.app.events({ after: 0, waitMs: 0 });
    expect(fake.replaced).toEqual([]);
    expect(header(fake.calls[0]!.init, 'Authorization')).toBe('Bearer from-storage');
  });

  it('posts JSON to /api/<group>.<method> with the bearer header and returns the value', async () => {
    const fake = fakeEnvironment('http://127.0.0.1:4100/?token=abc', () => json({ ok: true, value: { name: 'Acme' } }));
    const transport = createHttpTransport(fake.env);
    const value = await transport.api.workspace.updateSettings({ name: 'Acme' });
    expect(value).toEqual({ name: 'Acme' });
    const [call] = fake.calls;
    expect(call!.url).toBe('http://127.0.0.1:4100/api/workspace.updateSettings');
    expect(call!.init.method).toBe('POST');
    expect(header(call!.init, 'Authorization')).toBe('Bearer abc');
    expect(header(call!.init, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(String(call!.init.body))).toEqual({ name: 'Acme' });
  });

  it('turns an error envelope into an AppError with its code, params and issues', async () => {
    const error = {
      code: 'validation.invalidInput',
      params: { method: 'workspace.open', path: 'path', count: 1 },
      message: 'Invalid input',
      issues: [{ path: 'path', code: 'custom', params: { message: 'absolute path expected' } }],
    };
    const fake = fakeEnvironment('http://127.0.0.1:4100/?token=abc', () => json({ ok: false, error }));
    const transport = createHttpTransport(fake.env);
    const failure = await transport.api.workspace.open({ path: 'relative.db' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'validation.invalidInput', params: error.params, issues: error.issues });
  });

  it('unwraps the envelope of a 401 answer too', async () => {
    const fake = fakeEnvironment('http://127.0.0.1:4100/', () =>
      json({ ok: false, error: { code: 'server.unauthorized', params: {}, message: 'Missing token' } }, 401),
    );
    const transport = createHttpTransport(fake.env);
    await expect(transport.api.workspace.session({})).rejects.toMatchObject({ code: 'server.unauthorized' });
    expect(header(fake.calls[0]!.init, 'Authorization')).toBeUndefined();
  });

  it('reports an unreachable server and an unreadable answer with their own codes', async () => {
    const down = createHttpTransport(
      fakeEnvironment('http://127.0.0.1:4100/?token=t', () => Promise.reject(new TypeError('Failed to fetch'))).env,
    );
    await expect(down.api.workspace.session({})).rejects.toMatchObject({ code: 'renderer.unreachable' });
    const garbled = createHttpTransport(
      fakeEnvironment('http://127.0.0.1:4100/?token=t', () => new Response('<html>', { status: 502 })).env,
    );
    await expect(garbled.api.workspace.session({})).rejects.toMatchObject({
      code: 'renderer.badResponse',
      params: { method: 'workspace.session' },
    });
    const shapeless = createHttpTransport(
      fakeEnvironment('http://127.0.0.1:4100/?token=t', () => json({ value: 1 })).env,
    );
    await expect(shapeless.api.workspace.session({})).rejects.toMatchObject({ code: 'renderer.badResponse' });
  });

  it('downloads a produced file through /files/<id>', async () => {
    const fake = fakeEnvironment('http://127.0.0.1:4100/?token=t', () => json({ ok: true, value: null }));
    const transport = createHttpTransport(fake.env);
    await transport.download({
      id: '0b7e6a0e-5a3e-4e55-9a7e-0d1c2b3a4f5e',
      name: 'SLA 2026.pdf',
      sizeBytes: 10,
      mime: 'application/pdf',
    });
    expect(fake.downloads).toEqual([
      { url: 'http://127.0.0.1:4100/files/0b7e6a0e-5a3e-4e55-9a7e-0d1c2b3a4f5e', name: 'SLA 2026.pdf' },
    ]);
    expect(fake.calls).toEqual([]);
  });
});
