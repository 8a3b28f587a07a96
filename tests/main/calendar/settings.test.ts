import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { Workspace } from '../../../src/main/workspace/workspace';
import { WorkspaceRepository } from '../../../src/main/workspace/repository';
import { CALENDAR_KEY, loadCalendar } from '../../../src/main/calendar/settings';
import { describeError } from '../../../src/main/cli/io';
import { createI18n } from '../../../src/shared/i18n';
import { DEFAULT_CALENDAR } from '../../../src/shared/calendar/model';
import { AppError } from '../../../src/shared/errors';
import { tmpDir } from '../../helpers/tmp';

let ws: Workspace | null = null;
afterEach(() => {
  ws?.close();
  ws = null;
});

describe('loadCalendar', () => {
  it('refuses a saved calendar that no longer validates, naming where and saying what in the reader’s language', () => {
    ws = Workspace.create(path.join(tmpDir(), 'w.db'), { name: 'W', timeZone: 'Europe/Madrid' });
    ws.repo(WorkspaceRepository).setSetting(CALENDAR_KEY, { ...DEFAULT_CALENDAR, workingDays: [1, 1, 2] });
    let error: unknown;
    try {
      loadCalendar(ws);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('calendar.badSettings');
    expect(e.params).toEqual({ detail: 'workingDays' });
    expect(e.issues?.[0]).toMatchObject({ path: 'workingDays', code: 'check.duplicateWeekday' });
    const pt = describeError(createI18n('pt-BR').t, e);
    expect(pt).toContain('dia da semana repetido');
    expect(pt).not.toContain('duplicate weekday');
  });
});
