import type { Db } from '../db/driver';
import type { LocalizedText, Stage, StageKind, WorkspaceCounts } from '../../shared/domain/types';
import type { StageSeed } from '../../shared/domain/defaults';

interface StageRow {
  id: number;
  key: string;
  position: number;
  kind: StageKind;
  labels: string;
  allowed_age_days: number | null;
}

function toStage(r: StageRow): Stage {
  return {
    id: r.id,
    key: r.key,
    position: r.position,
    kind: r.kind,
    labels: JSON.parse(r.labels) as LocalizedText,
    allowedAgeDays: r.allowed_age_days,
  };
}

/** Settings, stages and the headline counts of a workspace. */
export class WorkspaceRepository {
  private readonly getSettingStmt;
  private readonly setSettingStmt;
  private readonly stagesStmt;
  private readonly insertStageStmt;
  private readonly countsStmt;
  private readonly rangeStmt;
  private readonly leadBoundStmt;

  constructor(db: Db) {
    this.getSettingStmt = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
    this.setSettingStmt = db.prepare(
      'INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.stagesStmt = db.prepare<[], StageRow>(
      'SELECT id, key, position, kind, labels, allowed_age_days FROM stages ORDER BY position, id',
    );
    this.insertStageStmt = db.prepare(
      'INSERT INTO stages (key, position, kind, labels, allowed_age_days) VALUES (@key, @position, @kind, @labels, @allowedAgeDays)',
    );
    this.countsStmt = db.prepare<[], WorkspaceCounts>(`SELECT
      (SELECT count(*) FROM leads) AS leads,
      (SELECT count(*) FROM stage_events) AS stageEvents,
      (SELECT count(*) FROM touches) AS touches,
      (SELECT count(*) FROM meetings) AS meetings,
      (SELECT count(*) FROM decisions) AS decisions,
      (SELECT count(*) FROM action_items) AS actionItems,
      (SELECT count(*) FROM definitions) AS definitions,
      (SELECT count(*) FROM definition_revisions) AS definitionRevisions,
      (SELECT count(*) FROM import_batches WHERE status = 'applied') AS importBatches`);
    // Two seeks a stage in the (stage_id, entered_at) index: min and max over the whole table read
    // all of that index (186 ms for 3.9M events at every open and refresh of the workspace info).
    this.rangeStmt = db.prepare<[], { first: number | null; last: number | null }>(
      `SELECT min(first) AS first, max(last) AS last FROM (SELECT
         (SELECT min(entered_at) FROM stage_events WHERE stage_id = s.id) AS first,
         (SELECT max(entered_at) FROM stage_events WHERE stage_id = s.id) AS last
       FROM stages s)`,
    );
    this.leadBoundStmt = db.prepare<[], number>('SELECT coalesce(max(id), 0) FROM leads').pluck();
  }

  /** At least the number of leads, read in one step of the key (counting them scans an index). */
  leadCountBound(): number {
    return this.leadBoundStmt.get()!;
  }

  getSetting(key: string): unknown {
    const row = this.getSettingStmt.get(key);
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    this.setSettingStmt.run({ key, value: JSON.stringify(value) });
  }

  stages(): Stage[] {
    return this.stagesStmt.all().map(toStage);
  }

  insertStages(seeds: readonly StageSeed[]): void {
    seeds.forEach((s, i) =>
      this.insertStageStmt.run({
        key: s.key,
        position: i + 1,
        kind: s.kind,
        labels: JSON.stringify(s.labels),
        allowedAgeDays: s.allowedAgeDays,
      }),
    );
  }

  counts(): WorkspaceCounts {
    return this.countsStmt.get()!;
  }

  eventRange(): { first: number | null; last: number | null } {
    return this.rangeStmt.get()!;
  }
}
