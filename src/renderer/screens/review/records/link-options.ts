import type { TFunction } from 'i18next';
import type { Locale } from '../../../../shared/domain/types';
import { MeetingWords } from '../../../../shared/meetings/describe';
import type { Link } from '../../../../shared/meetings/model';
import type { Snapshot } from '../../../../shared/meetings/types';
import type { FigureRef } from '../../../../shared/metrics/types';

export interface LinkOption {
  /** A stable value for a <select>. */
  readonly value: string;
  readonly link: Link;
  readonly label: string;
}

/**
 * The figures of the reviewed week a decision or an item can be linked to from the form, named
 * as the minutes name them. A figure reached from a drill-down ("decide on this") may be any
 * other; it is added to the list when it is not already there.
 */
export function linkOptions(snapshot: Snapshot, t: TFunction, locale: Locale): LinkOption[] {
  const words = new MeetingWords(t, locale, snapshot);
  const r = snapshot.report;
  const figures: FigureRef[] = [
    { type: 'followup', side: 'breached' },
    { type: 'flow', stage: r.sla.handoff_stage },
    { type: 'quality', side: 'denominator' },
    { type: 'recycling', side: 'denominator' },
    { type: 'arbitration' },
    ...r.conversion.map((c): FigureRef => ({ type: 'conversion', from: c.from, to: c.to, side: 'denominator' })),
    ...Object.entries(r.stalled)
      .filter(([, n]) => n > 0)
      .map(([stage]): FigureRef => ({ type: 'stalled', stage })),
    { type: 'winloss', outcome: 'lost' },
    { type: 'winloss', outcome: 'won' },
  ];
  return figures.map((figure) => option({ type: 'figure', figure }, words));
}

export function linkValue(link: Link): string {
  return link.type === 'lead' ? `lead:${link.leadId}` : `figure:${JSON.stringify(link.figure)}`;
}

export function option(link: Link, words: MeetingWords): LinkOption {
  return { value: linkValue(link), link, label: words.link(link) };
}
