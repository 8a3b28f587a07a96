import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configure, openDb, type Db } from '../../../src/main/db/driver';
import { refreshStaleStatistics, reloadStatisticsIfPossible } from '../../../src/main/db/statistics';
import { Workspace } from '../../../src/main/workspace/workspace';
import { addLeads, leadLookup, statisticsRows } from '../../helpers/statistics';
import { tmpDir } from '../../helpers/tmp';

/** A workspace whose statistics were gathered when it held one lead. */
function analysedWithOneLead(): string {
  const file = path.join(tmpDir(), 'w.db');
  const ws = Workspace.create(file);
  addLeads(ws.db, 1);
  ws.db.exec('ANALYZE');
  ws.close();
  return file;
}

/** A connection of its own to the file, as an import has. */
function anotherConnection(file: string): Db {
  const db = openDb(file);
  configure(db, true);
  return db;
}

describe('statistics', () => {
  it('are gathered again for a table that grew many times over, though this connection never read it', () => {
    const db = anotherConnection(analysedWithOneLead());
    const stages = db.prepare('SELECT * FROM sqlite_stat1 WHERE tbl = ?').all('stages');
    addLeads(db, 500);
    expect(statisticsRows(db, 'leads')).toBe(1);
    expect(leadLookup(db)).toBe('scan');

    refreshStaleStatistics(db);
    expect(statisticsRows(db, 'leads')).toBe(501);
    expect(statisticsRows(db, 'stage_events')).toBe(501);
    expect(leadLookup(db)).toBe('seek');
    // Unchanged tables keep theirs, and the connection its analysis limit.
    expect(db.prepare('SELECT * FROM sqlite_stat1 WHERE tbl = ?').all('stages')).toEqual(stages);
    expect(db.pragma('analysis_limit', { simple: true })).toBe(0);
    db.close();
  });

  it('reach a connection that loaded older ones when it reloads them', () => {
    const file = analysedWithOneLead();
    const reader = anotherConnection(file);
    expect(leadLookup(reader)).toBe('scan');
    const writer = anotherConnection(file);
    writer.transaction(() => {
      addLeads(writer, 500);
      refreshStaleStatistics(writer);
    })();
    writer.close();
    expect(leadLookup(reader)).toBe('scan');
    reloadStatisticsIfPossible(reader);
    expect(leadLookup(reader)).toBe('seek');
    reader.close();
  });

  it('are brought up to date when a workspace opens', () => {
    const file = analysedWithOneLead();
    const db = anotherConnection(file);
    addLeads(db, 500);
    db.close();
    const ws = Workspace.open(file);
    expect(leadLookup(ws.db)).toBe('seek');
    expect(statisticsRows(ws.db, 'leads')).toBe(501);
    ws.close();
  });

  it('are left as they are while another connection holds the file, and the workspace still reloads and closes', () => {
    const file = analysedWithOneLead();
    const ws = Workspace.open(file);
    const db = anotherConnection(file);
    addLeads(db, 500);
    // From here on that connection holds the write lock, which gathering or reloading needs.
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN IMMEDIATE');
    ws.db.pragma('busy_timeout = 0');
    expect(() => ws.reloadStatistics()).not.toThrow();
    expect(leadLookup(ws.db)).toBe('scan');
    expect(() => ws.close()).not.toThrow();
    db.exec('ROLLBACK');
    expect(statisticsRows(db, 'leads')).toBe(1);
    db.close();
  });

  it('are brought up to date when a workspace closes', () => {
    const file = analysedWithOneLead();
    const ws = Workspace.open(file);
    // Leads added by another connection while the workspace is open, as an import adds them.
    const db = anotherConnection(file);
    addLeads(db, 500);
    db.close();
    ws.close();
    const after = openDb(file, { readonly: true });
    expect(statisticsRows(after, 'leads')).toBe(501);
    after.close();
  });
});
