import fs from 'node:fs';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contentType, resolveStatic } from '../server/static';

/**
 * Serves the built renderer on app://renderer/ with the CSP as a real header. Only files inside
 * the renderer folder are reachable; anything else is a 404.
 */
export function rendererResponse(rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== 'renderer') return new Response('Not found', { status: 404 });
  const file = resolveStatic(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (!file) return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = { 'Content-Type': contentType(file), 'X-Content-Type-Options': 'nosniff' };
  if (headers['Content-Type']!.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return new Response(fs.readFileSync(file), { status: 200, headers });
}
