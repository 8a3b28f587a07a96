import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/main/runtime/paths';
import { catalogs } from '../../src/shared/i18n';
import { LOCALES } from '../../src/shared/domain/types';

/**
 * "Fail with clear words": every expected failure the services raise by name (`new AppError('x.y')`)
 * has its message in every language, so no user ever reads a bare code.
 */
function codesRaised(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const dir of ['src/main', 'src/shared']) {
    for (const entry of fs.readdirSync(path.join(projectRoot, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const file = path.join(entry.parentPath, entry.name);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([a-zA-Z]\w*(?:\.\w+)+)'/g)) {
        codes.set(m[1]!, path.relative(projectRoot, file));
      }
    }
  }
  return codes;
}

function message(catalog: unknown, key: string): unknown {
  let node = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

describe('error messages', () => {
  it('exist in every language for every error code the services raise', () => {
    const codes = codesRaised();
    expect(codes.size).toBeGreaterThan(100);
    for (const code of ['workspace.diskFull', 'workspace.ioError', 'server.badRequest'])
      expect(codes.has(code), code).toBe(true);
    const missing = [...codes]
      .flatMap(([code, file]) =>
        LOCALES.filter((l) => typeof message(catalogs[l], `errors.${code}`) !== 'string').map(
          (l) => `${l}: errors.${code} (${file})`,
        ),
      )
      .sort();
    expect(missing).toEqual([]);
  });
});
