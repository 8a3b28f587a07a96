import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { productionLicenses, readLicenses, writeLicensesFile } from '../../src/main/app/licenses';
import { withDesktopBundle } from '../fixtures/desktop-bundle';
import { createDispatch } from '../../src/main/runtime/dispatch';
import { handlers } from '../../src/main/runtime/handlers';
import { Runtime } from '../../src/main/runtime/runtime';
import { projectRoot, rendererDist } from '../../src/main/runtime/paths';
import type { AboutInfo } from '../../src/shared/app/contract';
import { classifyAudit, unjustified } from './audit/npm-audit';
import { recordFigures } from './support/figures';

/**
 * Dependencies: npm audit of the production tree (said out loud when the registry cannot answer),
 * the lockfile committed and in step with package.json, every package the main and renderer
 * bundles contain being a production dependency, and their licences in the About box.
 */

const SECURITY_DOC = path.join(projectRoot, 'docs', 'security.md');
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function packageOf(file: string): string | null {
  const at = file.lastIndexOf('node_modules/');
  if (at < 0) return null;
  const parts = file.slice(at + 'node_modules/'.length).split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

function runNpmAudit(): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['audit', '--omit=dev', '--json'], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ stdout, stderr, code }));
  });
}

describe('npm audit --omit=dev', () => {
  it('reads reports and registry failures apart, and flags unjustified high or critical advisories', () => {
    const refused = classifyAudit(
      JSON.stringify({
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      }),
    );
    expect(refused).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('HTTP 405') });
    expect(classifyAudit('', 'npm error network ENOTFOUND')).toMatchObject({
      status: 'unavailable',
      reason: expect.stringContaining('ENOTFOUND'),
    });
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        tar: {
          name: 'tar',
          severity: 'high',
          via: [
            { name: 'tar', title: 'Path traversal', url: 'https://github.com/advisories/GHSA-x', severity: 'high' },
          ],
        },
        exceljs: { name: 'exceljs', severity: 'high', via: ['tar'] },
        ms: {
          name: 'ms',
          severity: 'low',
          via: [{ name: 'ms', title: 'ReDoS', url: 'https://github.com/advisories/GHSA-y', severity: 'low' }],
        },
      },
      metadata: { vulnerabilities: { low: 1, high: 2, critical: 0 } },
    };
    const answered = classifyAudit(JSON.stringify(report));
    expect(answered.status).toBe('answered');
    if (answered.status !== 'answered') return;
    expect(answered.advisories.map((a) => a.name).sort()).toEqual(['ms', 'tar']);
    expect(unjustified(answered.advisories, '').map((a) => a.name)).toEqual(['tar']);
    expect(
      unjustified(
        answered.advisories,
        '| tar | https://github.com/advisories/GHSA-x | high | only unpacks our own files |',
      ),
    ).toEqual([]);
  });

  it('has no unjustified high or critical advisory in the production tree, or says clearly that the registry did not answer', async () => {
    const { stdout, stderr } = await runNpmAudit();
    const outcome = classifyAudit(stdout, stderr);
    if (outcome.status === 'unavailable') {
      console.log(
        `npm audit --omit=dev: NOT CHECKED — the registry did not answer the audit request (${outcome.reason}). Run it where the npm advisory endpoint is reachable.`,
      );
      const status = /^HTTP \d+/.exec(outcome.reason)?.[0] ?? outcome.reason.slice(0, 60);
      recordFigures('dependencies', 'audit', { 'npm audit': `NOT CHECKED, the registry did not answer (${status})` });
      return;
    }
    const open = unjustified(outcome.advisories, fs.readFileSync(SECURITY_DOC, 'utf8'));
    const high = outcome.advisories.filter((a) => a.severity === 'high' || a.severity === 'critical').length;
    console.log(
      `npm audit --omit=dev: ${outcome.advisories.length} advisories, ${high} high or critical, ${open.length} not justified in docs/security.md`,
    );
    expect(open, 'high or critical advisories not justified in docs/security.md').toEqual([]);
    recordFigures('dependencies', 'audit', { 'npm audit high/critical': high, 'npm audit unjustified': open.length });
  }, 120_000);
});

describe('the lockfile', () => {
  it('is committed and in step with package.json', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
    };
    expect(lock.packages['']?.dependencies).toEqual(manifest.dependencies);
    expect(lock.packages['']?.devDependencies).toEqual(manifest.devDependencies);
    const git = spawnSync('git', ['ls-files', '--error-unmatch', 'package-lock.json'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    if (git.error || /not a git repository/.test(git.stderr)) {
      console.log('dependencies: not a git checkout, so whether the lockfile is committed is not checked');
      return;
    }
    expect(git.status, git.stderr).toBe(0);
  });
});

describe('shipped packages', () => {
  const production = new Set(productionLicenses().map((l) => l.name));

  it('are all production dependencies: everything the main bundle (built by build-electron) and the renderer bundle contain', async () => {
    await withDesktopBundle((out) => {
      const main = new Set<string>();
      for (const source of (
        JSON.parse(fs.readFileSync(path.join(out, 'main.cjs.map'), 'utf8')) as { sources: string[] }
      ).sources) {
        const p = packageOf(source);
        if (p) main.add(p);
      }
      expect(main.has('zod') && main.has('i18next'), 'the source map names the bundled packages').toBe(true);
      expect(main.has('playwright-core'), 'playwright-core (a development tool) inside the main bundle').toBe(false);
      // The packaged app's licence list is written beside the bundle.
      expect(readLicenses(out)).toEqual({ licenses: productionLicenses(), source: 'bundle' });
      const shipped = new Set([...main, 'better-sqlite3']);
      const assets = path.join(rendererDist, 'assets');
      if (fs.existsSync(assets)) {
        for (const map of fs.readdirSync(assets).filter((f) => f.endsWith('.js.map'))) {
          for (const source of (JSON.parse(fs.readFileSync(path.join(assets, map), 'utf8')) as { sources: string[] })
            .sources) {
            const p = packageOf(source);
            if (p) shipped.add(p);
          }
        }
        for (const p of ['react', 'react-dom', 'zustand', 'chart.js', 'react-chartjs-2', 'react-i18next'])
          expect(shipped.has(p), p).toBe(true);
      } else {
        console.log(
          `dependencies: ${rendererDist} is not built (npm test builds it first), so the renderer bundle's packages are not checked`,
        );
      }
      const notProduction = [...shipped].filter((p) => !production.has(p)).sort();
      expect(notProduction, 'bundled packages missing from the production dependency tree').toEqual([]);
      for (const direct of ['react', 'react-dom', 'zustand', 'chart.js', 'react-chartjs-2', 'react-i18next']) {
        expect(manifest.dependencies[direct], `${direct} in dependencies`).toBeDefined();
        expect(manifest.devDependencies[direct], `${direct} not in devDependencies`).toBeUndefined();
      }
      recordFigures('dependencies', 'bundles', { 'bundled packages checked': shipped.size });
    });
  }, 180_000);

  it('are listed with their licences by app.about, from licenses.json beside a packaged bundle', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-about-'));
    const runtime = new Runtime({ dataDir: path.join(dir, 'data'), host: 'browser', appVersion: '1.2.3' });
    try {
      const r = await createDispatch(runtime, handlers)('app.about', {});
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const about = r.value as AboutInfo;
      expect(about).toMatchObject({ version: '1.2.3', source: 'lockfile' });
      const names = new Set(about.licenses.map((l) => l.name));
      for (const p of Object.keys(manifest.dependencies)) expect(names.has(p), p).toBe(true);
      for (const p of ['vitest', 'electron', 'playwright-core', 'typescript', 'eslint', 'vite'])
        expect(names.has(p), p).toBe(false);
      expect(about.licenses.find((l) => l.name === 'react')).toMatchObject({
        license: 'MIT',
        version: manifest.dependencies.react,
      });
      // Packages that declare no licence are reviewed by hand and named in docs/security.md.
      const reviewed = fs
        .readFileSync(SECURITY_DOC, 'utf8')
        .split('\n')
        .map((line) => line.split('|').map((c) => c.trim()))
        .map((cells) => `${cells[1]}@${cells[2]}`);
      const undeclared = about.licenses.filter((l) => l.license === null);
      const unreviewed = undeclared.map((l) => `${l.name}@${l.version}`).filter((id) => !reviewed.includes(id));
      expect(unreviewed, 'shipped packages without a declared licence, not reviewed in docs/security.md').toEqual([]);
      // Beside a bundle, the written list is what app.about reads.
      writeLicensesFile(dir);
      expect(readLicenses(dir)).toEqual({ licenses: about.licenses, source: 'bundle' });
      console.log(
        `dependencies: ${about.licenses.length} shipped packages with licences in the About box (${undeclared.length} declare none, reviewed)`,
      );
      recordFigures('dependencies', 'licences', { 'shipped packages listed': about.licenses.length });
    } finally {
      runtime.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
