import type { TFunction } from 'i18next';
import type { Locale, LocalizedText } from '../domain/types';
import { localized } from '../i18n';
import { NO_REASON, UNCODED_REASON, type FigureRef } from '../metrics/types';
import type { Link } from './model';
import type { Snapshot } from './types';

/**
 * Words for what a meeting refers to — stages, reasons, figures, links — in the meeting's language,
 * from the labels frozen in its snapshot (a stage renamed later keeps its old name in old minutes).
 */
export class MeetingWords {
  private readonly stages: Map<string, LocalizedText>;
  private readonly reasons: Map<string, LocalizedText>;

  constructor(
    readonly t: TFunction,
    readonly locale: Locale,
    snapshot: Pick<Snapshot, 'report' | 'reasons'> | null,
  ) {
    this.stages = new Map((snapshot?.report.stages ?? []).map((s) => [s.key, s.labels]));
    // Win/loss reasons come from the win and loss parts of the taxonomy; codes are unique within each.
    this.reasons = new Map(
      (snapshot?.reasons ?? [])
        .filter((r) => r.kind === 'loss' || r.kind === 'win')
        .map((r) => [`${r.kind}:${r.code}`, r.labels]),
    );
  }

  stage(key: string): string {
    const l = this.stages.get(key);
    return l ? localized(l, this.locale) : key;
  }

  reason(outcome: 'won' | 'lost', code: string): string {
    if (code === NO_REASON) return this.t('minutes.noReason');
    if (code === UNCODED_REASON) return this.t('minutes.uncodedReason');
    const l = this.reasons.get(`${outcome === 'won' ? 'win' : 'loss'}:${code}`);
    return l ? localized(l, this.locale) : code;
  }

  owner(name: string | null): string {
    return name ?? this.t('minutes.noOwner');
  }

  figure(f: FigureRef): string {
    const t = this.t;
    switch (f.type) {
      case 'flow':
        return t('meetings.figure.flow', { stage: this.stage(f.stage) });
      case 'entries':
        return t(`meetings.figure.entries.${f.kind}`);
      case 'conversion':
        return t('meetings.figure.conversion', {
          from: this.stage(f.from),
          to: this.stage(f.to),
          side: t(`meetings.side.${f.side}`),
        });
      case 'stalled':
        return t('meetings.figure.stalled', { stage: this.stage(f.stage) });
      case 'followup':
        return f.owner === undefined
          ? t('meetings.figure.followup', { side: t(`meetings.side.${f.side}`) })
          : t('meetings.figure.followupOwner', { side: t(`meetings.side.${f.side}`), owner: this.owner(f.owner) });
      case 'arbitration':
        return t('meetings.figure.arbitration');
      case 'quality':
        return t('meetings.figure.quality', { side: t(`meetings.side.${f.side}`) });
      case 'recycling':
        return t('meetings.figure.recycling', { side: t(`meetings.side.${f.side}`) });
      case 'winloss': {
        const closed =
          f.reason === undefined
            ? t(`meetings.figure.${f.outcome}`)
            : t('meetings.figure.winlossReason', {
                outcome: t(`meetings.figure.${f.outcome}`),
                reason: this.reason(f.outcome, f.reason),
              });
        if (!f.by) return closed;
        const { field, value } = f.by;
        const shown =
          field === 'owner'
            ? this.owner(value)
            : value === null
              ? t('analysis.noValue')
              : field === 'lost_at_stage'
                ? this.stage(value)
                : value;
        return t('meetings.figure.by', { figure: closed, field: t(`meetings.by.${field}`), value: shown });
      }
      case 'waterfall':
        return t('meetings.figure.waterfall', {
          stage: this.stage(f.stage),
          movement: t(`meetings.movement.${f.movement}`),
        });
      case 'lifetime':
        return t('meetings.figure.lifetime');
    }
  }

  link(link: Link | null): string {
    if (!link) return '';
    if (link.type === 'figure') return this.figure(link.figure);
    return this.t('meetings.link.lead', { id: link.externalId ?? `#${link.leadId}` });
  }
}
