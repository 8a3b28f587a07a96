import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workspace } from '../../../src/main/workspace/workspace';
import type { RuleLead } from '../../../src/shared/definitions/fields';

/** A fresh workspace in its own folder; `cleanup` closes and removes it. */
export function tempWorkspace(
  name = 'definitions',
  timeZone = 'UTC',
): { ws: Workspace; dir: string; file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-definitions-'));
  const file = path.join(dir, `${name}.db`);
  const ws = Workspace.create(file, { name, timeZone });
  return {
    ws,
    dir,
    file,
    cleanup: () => {
      ws.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The whole stored state of definitions (and reasons): proves that a refused request changed nothing. */
export function definitionsState(ws: Workspace): string {
  return JSON.stringify([
    ws.db.prepare('SELECT * FROM definitions ORDER BY id').all(),
    ws.db.prepare('SELECT * FROM definition_revisions ORDER BY id').all(),
    ws.db.prepare('SELECT * FROM reasons ORDER BY id').all(),
  ]);
}

/** Writes leads with the fields rules read (no stage history). Returns their ids in order. */
export function insertRuleLeads(ws: Workspace, leads: readonly RuleLead[]): number[] {
  const insert = ws.db.prepare(
    `INSERT INTO leads (external_id, created_at, score, amount, segment, source, country, owner, campaign, custom)
     VALUES (@external, 0, @score, @amount, @segment, @source, @country, @owner, @campaign, @custom)`,
  );
  const start = (ws.db.prepare('SELECT coalesce(max(id), 0) AS n FROM leads').get() as { n: number }).n;
  return ws.db.transaction(() =>
    leads.map((l, i) =>
      Number(insert.run({ ...l, external: `R${start + i + 1}`, custom: JSON.stringify(l.custom) }).lastInsertRowid),
    ),
  )();
}

/** Leads as rules see them, read back from the table (what SQLite stored, e.g. lone surrogates replaced). */
export function readRuleLeads(ws: Workspace): Array<RuleLead & { id: number }> {
  const rows = ws.db
    .prepare('SELECT id, score, amount, segment, source, country, owner, campaign, custom FROM leads ORDER BY id')
    .all() as Array<Omit<RuleLead, 'custom'> & { id: number; custom: string }>;
  return rows.map((r) => ({ ...r, custom: JSON.parse(r.custom) as Record<string, unknown> }));
}
