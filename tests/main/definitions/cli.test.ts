import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main/cli/main';
import { Workspace } from '../../../src/main/workspace/workspace';
import { generateSample } from '../../../src/main/sample/generate';
import { DefinitionsRepository } from '../../../src/main/definitions/repository';
import { definitionsState, tempWorkspace } from './fixture';

/** The CLI moves agreements between workspaces: export from the sample, import into an empty workspace as proposals. */
let source: ReturnType<typeof tempWorkspace>;
let targetFile = '';
let home = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { FUNNEL_REVIEW_HOME: home, LANG: 'en_US.UTF-8' },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  source = tempWorkspace('source', 'America/Sao_Paulo');
  generateSample(source.ws, { seed: 3, leads: 400, end: '2026-11-22' });
  source.ws.close();
  home = path.join(source.dir, 'home');
  targetFile = path.join(source.dir, 'target.db');
  Workspace.create(targetFile, { name: 'Target', timeZone: 'Europe/Madrid' }).close();
});
afterAll(() => fs.rmSync(source.dir, { recursive: true, force: true }));

describe('funnel-review definitions', () => {
  it('lists and shows definitions, in people terms and as JSON', async () => {
    const list = await run('definitions', 'list', '--workspace', source.file);
    expect(list.code).toBe(0);
    expect(list.out).toContain('mql_criteria  [Stage criteria]  Marketing qualified lead (MQL)');
    expect(list.out).toMatch(/v2 in force since \w{3} \d{1,2}, 2026; open: v3 \(Proposed\)/);
    const json = JSON.parse((await run('definitions', 'list', '--workspace', source.file, '--json')).out);
    expect(json.value.map((d: { key: string }) => d.key)).toEqual([
      'market_message',
      'icp',
      'mql_criteria',
      'sal_criteria',
      'sla',
      'reasons',
    ]);
    const show = await run('definitions', 'show', 'mql_criteria', '--workspace', source.file, '--lang', 'ru');
    expect(show.code).toBe(0);
    expect(show.out).toContain('Скоринг ≥ 60');
    expect(show.out).toContain('Camila Duarte');
    const missing = await run('definitions', 'show', 'nope', '--workspace', source.file);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no definition with the key “nope”.');
  });

  it('round-trips agreements: the versions in force become proposals, never approved ones', async () => {
    const file = path.join(source.dir, 'definitions.json');
    const exported = await run('definitions', 'export', '--workspace', source.file, '--out', file);
    expect(exported.code).toBe(0);
    expect(exported.out).toBe(`6 definitions written to ${file}`);
    expect((await run('definitions', 'export', '--workspace', source.file, '--out', file)).err).toContain(
      'already exists',
    );

    const imported = await run('definitions', 'import', file, '--workspace', targetFile, '--author', 'Priya Nair');
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('mql_criteria: new definition, proposed as v1');
    expect(imported.out).toContain('6 proposals are waiting for both leaders');

    const target = Workspace.open(targetFile, { readOnly: true });
    try {
      const revisions = target.repo(DefinitionsRepository).revisions();
      expect(revisions).toHaveLength(6);
      expect(new Set(revisions.map((r) => r.status))).toEqual(new Set(['proposed']));
      expect(
        revisions.every(
          (r) =>
            r.marketing_approved_by === null &&
            r.sales_approved_by === null &&
            r.effective_from === null &&
            r.author === 'Priya Nair',
        ),
      ).toBe(true);
      // The body is the one in force in the source: MQL v2, not the pending v3 proposal.
      const mql = target.repo(DefinitionsRepository).definitionByKey('mql_criteria')!;
      const body = JSON.parse(target.repo(DefinitionsRepository).revisionsOf(mql.id)[0]!.body);
      expect(body.text).toContain('score reaches 60 and it is a mid-market or enterprise company');
    } finally {
      target.close();
    }

    // Importing the same file again proposes nothing new.
    const again = await run('definitions', 'import', file, '--workspace', targetFile, '--json');
    expect(JSON.parse(again.out).value).toMatchObject({
      created: [],
      unchanged: expect.arrayContaining(['mql_criteria', 'sla']),
    });

    // And the target exports what it holds: nothing agreed yet, every version a proposal.
    const back = JSON.parse((await run('definitions', 'export', '--workspace', targetFile)).out);
    expect(back.definitions.every((d: { inForceVersion: number | null }) => d.inForceVersion === null)).toBe(true);
  });

  it('refuses a bad file whole, and changes nothing', async () => {
    const target = Workspace.open(targetFile, { readOnly: true });
    const before = definitionsState(target);
    target.close();
    const notJson = path.join(source.dir, 'notes.json');
    fs.writeFileSync(notJson, 'not json at all');
    expect((await run('definitions', 'import', notJson, '--workspace', targetFile)).err).toContain(
      'is not a definitions export',
    );
    const doc = JSON.parse((await run('definitions', 'export', '--workspace', source.file)).out);
    // A new definition that would import fine, then one whose kind clashes with the target's: all or nothing.
    const icp = doc.definitions.find((d: { key: string }) => d.key === 'icp');
    const clash = path.join(source.dir, 'clash.json');
    fs.writeFileSync(
      clash,
      JSON.stringify({
        ...doc,
        definitions: [
          { ...icp, key: 'brand_new' },
          { ...icp, key: 'mql_criteria' },
        ],
      }),
    );
    const r = await run('definitions', 'import', clash, '--workspace', targetFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      '“mql_criteria” is stage_criteria in this workspace but icp in the file. Nothing was imported.',
    );
    const after = Workspace.open(targetFile, { readOnly: true });
    expect(definitionsState(after)).toBe(before);
    after.close();
  });
});
