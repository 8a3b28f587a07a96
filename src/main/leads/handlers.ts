import type { ContractHandlers } from '../../shared/contract';
import { localDateOf } from '../../shared/calendar/business-hours';
import type { Runtime } from '../runtime/runtime';
import { WorkspaceRepository } from '../workspace/repository';
import { writeLeadExport } from './export';
import { leadFacets } from './facets';
import { figureLeadIds } from './figure';
import { listLeads, stateOf } from './list';
import { leadWhere } from './query';
import { LeadsRepository } from './repository';
import { leadTimeline } from './timeline';

export const leadsHandlers: ContractHandlers<Runtime>['leads'] = {
  list: ({ offset, limit, ...query }, rt) => listLeads(rt.requireWorkspace(), query, offset, limit),

  facets: ({ fields, limit }, rt) => {
    const ws = rt.requireWorkspace();
    return leadFacets(ws, fields, limit, stateOf(ws).ownChanges);
  },

  customFields: (_input, rt) => rt.requireWorkspace().repo(LeadsRepository).customKeys(),

  timeline: ({ id }, rt) => leadTimeline(rt.requireWorkspace(), id),

  reasons: (_input, rt) => rt.requireWorkspace().repo(LeadsRepository).reasons(),

  export: ({ columns, format, locale, ...query }, rt) => {
    const ws = rt.requireWorkspace();
    const stages = ws.repo(WorkspaceRepository).stages();
    const settings = ws.settings();
    // Refuse a bad query (unknown stage) now rather than as a failed job.
    leadWhere(query, stages, settings.timeZone);
    // The figure's leads are read here, on the app's connection where the metrics live; the job
    // then works on its own connection.
    const figureIds = query.figure ? figureLeadIds(ws, query.figure) : null;
    const file = rt.files.reserve(`leads-${localDateOf(Date.now(), settings.timeZone)}.${format}`);
    const job = {
      workspacePath: ws.path,
      query,
      figureIds,
      columns,
      format,
      locale: locale ?? rt.prefs.preferences.locale ?? settings.locale,
      zone: settings.timeZone,
      stages,
      reasons: ws.repo(LeadsRepository).reasons(),
      out: file.path,
    };
    return rt.jobs.start(
      'leads.export',
      async (ctl) => ({ rows: await writeLeadExport(job, ctl), file: file.commit() }),
      'rows',
    );
  },
};
