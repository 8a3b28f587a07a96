import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, listBackups, writeBackup } from '../../../src/main/db/backups';
import { createWorkspaceFile } from '../../../src/main/db/workspace-file';
import { tmpDir } from '../../helpers/tmp';

describe('backups', () => {
  it('removes the copies a backup cut short by the process ending left, and not one still being written', () => {
    const file = path.join(tmpDir(), 'w.db');
    const opened = createWorkspaceFile(file);
    const dir = backupDir(file);
    fs.mkdirSync(dir);
    const stale = ['20261127T172446673Z.daily.v9.db.partial', '20261127T172446673Z.daily.v9.db.partial-journal'];
    const fresh = '20261127T180000000Z.undo.v9.db.partial';
    for (const f of [...stale, fresh]) fs.writeFileSync(path.join(dir, f), 'x');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const f of stale) fs.utimesSync(path.join(dir, f), anHourAgo, anHourAgo);

    const backup = writeBackup(opened.db, file, 'manual', 9);
    expect(fs.readdirSync(dir).sort()).toEqual([backup.fileName, fresh].sort());
    expect(listBackups(file).map((b) => b.fileName)).toEqual([backup.fileName]);
    opened.db.close();
    opened.lock?.release();
  });
});
