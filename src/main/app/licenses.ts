import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../runtime/paths';
import type { AboutInfo, LicenseEntry } from '../../shared/app/contract';

/** Written by `build-electron` beside the main bundle; the packaged app has no lockfile to read. */
export const LICENSES_FILE = 'licenses.json';

interface LockPackage {
  readonly name?: string;
  readonly version?: string;
  readonly license?: string;
  readonly dev?: boolean;
  readonly devOptional?: boolean;
}

interface Manifest {
  readonly license?: string | { readonly type?: string };
  readonly licenses?: ReadonlyArray<{ readonly type?: string }>;
}

/** The licence a package declares in its package.json, in any of the shapes npm has accepted over time. */
function declaredLicense(dir: string): string | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
    if (typeof m.license === 'string') return m.license;
    if (m.license?.type) return m.license.type;
    const list = (m.licenses ?? []).map((l) => l.type).filter((t): t is string => typeof t === 'string');
    return list.length > 0 ? list.join(' OR ') : null;
  } catch {
    return null;
  }
}

/**
 * The production dependency tree from package-lock.json (what `npm ci --omit=dev` installs, which
 * contains everything the main and renderer bundles are built from), with each package's declared
 * licence. Optional packages for other platforms that are not installed here are left out.
 */
export function productionLicenses(root: string = projectRoot): LicenseEntry[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, LockPackage>;
  };
  const seen = new Map<string, LicenseEntry>();
  for (const [where, pkg] of Object.entries(lock.packages ?? {})) {
    if (where === '' || pkg.dev || pkg.devOptional || !where.includes('node_modules/')) continue;
    const dir = path.join(root, where);
    if (!fs.existsSync(dir)) continue;
    const name = pkg.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const version = pkg.version ?? '';
    seen.set(`${name}@${version}`, { name, version, license: declaredLicense(dir) ?? pkg.license ?? null });
  }
  return [...seen.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en'),
  );
}

export function writeLicensesFile(outDir: string, root: string = projectRoot): string {
  const file = path.join(outDir, LICENSES_FILE);
  fs.writeFileSync(file, `${JSON.stringify(productionLicenses(root), null, 2)}\n`);
  return file;
}

/** The list written beside a bundle in `bundleDir` if there is one, else the sources' lockfile. */
export function readLicenses(bundleDir: string): Pick<AboutInfo, 'licenses' | 'source'> {
  const beside = path.join(bundleDir, LICENSES_FILE);
  return fs.existsSync(beside)
    ? { licenses: JSON.parse(fs.readFileSync(beside, 'utf8')) as LicenseEntry[], source: 'bundle' }
    : { licenses: productionLicenses(), source: 'lockfile' };
}

let cached: Pick<AboutInfo, 'licenses' | 'source'> | null = null;

/** What this process ships: read once (the bundle's directory is this module's, once bundled). */
export function shippedLicenses(): Pick<AboutInfo, 'licenses' | 'source'> {
  cached ??= readLicenses(path.dirname(fileURLToPath(import.meta.url)));
  return cached;
}
