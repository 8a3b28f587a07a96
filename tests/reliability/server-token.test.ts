import type * as Crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request, serverFixture, type ServerFixture } from './support/http';

/**
 * Timing cannot be measured reliably on a shared machine, so this proves the mechanism instead:
 * every token check on every kind of request goes through crypto.timingSafeEqual, with buffers
 * of the token's own length even when the guess is shorter or longer.
 */
const compared = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof Crypto>();
  return {
    ...real,
    default: real,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.lengths.push(a.byteLength, b.byteLength);
      return real.timingSafeEqual(a, b);
    },
  };
});

let fx: ServerFixture;
beforeAll(async () => {
  fx = await serverFixture(fs.mkdtempSync(path.join(os.tmpdir(), 'fr-token-')));
});
afterAll(async () => {
  await fx?.close();
  if (fx) fs.rmSync(fx.dir, { recursive: true, force: true });
});

describe('token comparison', () => {
  it('compares in constant time, at the token length, for API calls, pages and downloads alike', async () => {
    const length = Buffer.byteLength(fx.server.token);
    // (An empty guess is no credential at all: nothing to compare, nothing to learn from timing.)
    const guesses = ['x', fx.server.token.slice(0, 10), `${fx.server.token}${'y'.repeat(100)}`, fx.server.token];
    for (const guess of guesses) {
      const targets: Array<Parameters<typeof request>[1]> = [
        {
          method: 'POST',
          path: '/api/workspace.session',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${guess}` },
          body: '{}',
        },
        { path: '/', headers: { Authorization: `Bearer ${guess}` } },
        { path: `/files/unknown?token=${encodeURIComponent(guess)}` },
      ];
      for (const target of targets) {
        compared.lengths.length = 0;
        const r = await request(fx.server.port, target);
        expect(compared.lengths.length, `${target.path} with a ${guess.length}-character guess`).toBeGreaterThan(0);
        expect(new Set(compared.lengths)).toEqual(new Set([length]));
        if (guess !== fx.server.token) expect(r.status).toBe(401);
      }
    }
  });
});
