import { randomBytes, timingSafeEqual } from 'node:crypto';
import net from 'node:net';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison, so response timing cannot reveal how much of a guess was right. */
export function tokenMatches(expected: string, given: string | undefined | null): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  // Compare equal-length buffers even on a length mismatch, so the time does not depend on it either.
  const same = timingSafeEqual(a, b.length === a.length ? b : Buffer.alloc(a.length));
  return same && b.length === a.length;
}

export function isLoopbackAddress(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIPv4(bare)) return bare.startsWith('127.');
  if (net.isIPv6(bare)) return bare === '::1';
  return false;
}

/**
 * DNS-rebinding defence: a page on evil.example that resolves its name to 127.0.0.1 still sends
 * `Host: evil.example`. Only the names this server was reached by legitimately are accepted.
 */
export function hostAllowed(hostHeader: string | undefined, port: number, allowedHosts: readonly string[]): boolean {
  if (!hostHeader) return false;
  const h = hostHeader.toLowerCase();
  return allowedHosts.some((name) => h === `${name}:${port}`);
}

export function originAllowed(origin: string | undefined, port: number, allowedHosts: readonly string[]): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  return allowedHosts.some((name) => origin.toLowerCase() === `http://${name}:${port}`);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
