import { configure, openDb } from '../db/driver';
import { writeBackup } from '../db/backups';
import { schemaVersion } from '../db/migrate';
import type { JobControl } from '../jobs/registry';
import { AppError } from '../../shared/errors';
import type { UndoResult } from '../../shared/imports/types';
import { MetricsRefresh } from '../metrics/refresh';
import { BatchRepository } from './batch-repository';
import { IndexRepository, rebuildPays } from './index-repository';
import { LeadRepository } from './lead-repository';
import { beginImmediate } from './run';
import { nextTurn } from '../jobs/turns';

const CHUNK = 20_000;

/**
 * Undoes one batch: refuses when it is unknown, already undone, or a later batch depends on it;
 * otherwise backs the workspace up, then in one transaction (on its own connection, in chunks so
 * the app stays responsive) deletes what the batch added and puts back the values it changed.
 */
export async function undoBatch(
  workspacePath: string,
  batchId: number,
  by: string,
  ctl: JobControl,
): Promise<UndoResult> {
  const db = openDb(workspacePath, { fileMustExist: true });
  let open = false;
  try {
    configure(db, true);
    const repo = new BatchRepository(db);
    const batch = repo.get(batchId);
    if (!batch) throw new AppError('imports.batchNotFound', { batch: batchId });
    if (batch.status === 'undone') throw new AppError('imports.alreadyUndone', { batch: batchId });
    const check = (): void => {
      const blocker = repo.dependentBatch(batchId);
      if (blocker !== null) {
        const later = repo.get(blocker);
        throw new AppError('imports.undoBlocked', {
          batch: batchId,
          blocker,
          file: later?.file_name ?? '',
          date: new Date(later?.created_at ?? 0).toISOString().slice(0, 16).replace('T', ' '),
        });
      }
    };
    check();
    ctl.progress({ phase: 'imports.backingUp' });
    const backup = writeBackup(db, workspacePath, 'undo', schemaVersion(db));
    beginImmediate(db);
    open = true;
    // Checked again under the write lock: an import may have committed while the backup was written.
    check();
    const figures = new MetricsRefresh(db);
    figures.defer();
    // A batch that holds most of the leads (a first import undone) deletes them faster with the
    // secondary indexes built again afterwards, on what is left: undoing a million-lead import took
    // 16 s instead of 33 s. The batch indexes stay, since the chunks find their rows by them.
    const indexes = new IndexRepository(db);
    const deferred = rebuildPays(repo.countLeads(batchId), new LeadRepository(db).count())
      ? indexes.drop((i) => /\(\s*"?batch_id"?\s*\)/.test(i.sql))
      : [];
    ctl.progress({ phase: 'imports.undoing', total: null, unit: 'rows', done: 0 });
    let done = 0;
    const loop = async (step: () => number): Promise<number> => {
      let total = 0;
      for (;;) {
        const n = step();
        total += n;
        done += n;
        ctl.progress({ done });
        if (n < CHUNK) return total;
        await nextTurn(ctl);
      }
    };
    const stageEventsDeleted = await loop(() => repo.deleteEventsChunk(batchId, CHUNK));
    const touchesDeleted = await loop(() => repo.deleteTouchesChunk(batchId, CHUNK));
    const leadsRestored = repo.restoreChanged(batchId);
    repo.deleteChanges(batchId);
    const leadsDeleted = await loop(() => repo.deleteLeadsChunk(batchId, CHUNK));
    repo.markUndone(batchId, by, Date.now());
    ctl.checkpoint();
    const turn = () => nextTurn(ctl);
    if (deferred.length > 0) {
      ctl.progress({ phase: 'imports.indexing' });
      await indexes.rebuildInTurns(deferred, turn);
    }
    ctl.progress({ phase: 'imports.figures' });
    await turn();
    await figures.refreshInTurns(turn);
    ctl.checkpoint();
    db.exec('COMMIT');
    open = false;
    db.pragma('wal_checkpoint(PASSIVE)');
    return { batchId, leadsDeleted, leadsRestored, stageEventsDeleted, touchesDeleted, backupPath: backup.path };
  } catch (e) {
    if (open && db.inTransaction) db.exec('ROLLBACK');
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    // Something outside the import tables still points at a lead this batch created.
    if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new AppError('imports.undoReferenced', { batch: batchId });
    throw e;
  } finally {
    db.close();
  }
}
