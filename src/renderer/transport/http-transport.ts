import { contract } from '../../shared/contract';
import { buildClient } from '../../shared/contract/define';
import type { FileRef } from '../../shared/domain/types';
import { AppError } from '../../shared/errors';
import { unwrap } from './envelope';
import { takeToken, type TokenEnvironment } from './token';
import type { Transport } from './types';
import { uploadThroughApi } from './upload';

export interface HttpEnvironment extends TokenEnvironment {
  readonly location: { readonly href: string; readonly origin: string };
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Starts a browser download of `url` (the server authorises it with its cookie). */
  readonly startDownload: (url: string, fileName: string) => void;
}

/**
 * Browser mode: `POST /api/<group>.<method>` with the per-run token as a bearer header; the
 * server answers with the same envelope as IPC.
 */
export function createHttpTransport(env: HttpEnvironment): Transport {
  const token = takeToken(env);
  const origin = env.location.origin;

  const call = async (wire: string, input: unknown): Promise<unknown> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await env.fetch(`${origin}/api/${wire}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch (e) {
      throw new AppError('renderer.unreachable', {}, `The local server did not answer ${wire}: ${String(e)}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AppError('renderer.badResponse', { method: wire }, `HTTP ${response.status} from ${wire} is not JSON`);
    }
    return unwrap(body, wire);
  };

  const api = buildClient(contract, call);
  return {
    api,
    async download(ref: FileRef) {
      env.startDownload(`${origin}/files/${encodeURIComponent(ref.id)}`, ref.name);
    },
    upload: (file, onProgress) => uploadThroughApi(api, file, onProgress),
  };
}
