import { useTranslation } from 'react-i18next';
import type { LeadTimeline as Timeline, TimelineEvent, TimelineTouch } from '../../shared/leads/types';
import { localized } from '../../shared/i18n';
import { useApi, useLocale } from '../app-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';
import { formatDateTime, formatDecimal, formatMoney } from '../format';
import { stageColor } from '../charts/palette';
import { stageLabel, valueLabel, type StageInfo } from './figures';
import { useResource } from './use-resource';

type Entry =
  { readonly at: number; readonly event: TimelineEvent } | { readonly at: number; readonly touch: TimelineTouch };

const DAY = 86_400_000;

/** The lead's facts and everything that happened to it, oldest first: every stage entry with its reason, every touch, the batches. */
export function LeadTimelineView({
  leadId,
  stages,
  zone,
}: {
  leadId: number;
  stages: readonly StageInfo[];
  zone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const timeline = useResource<Timeline>(`lead|${leadId}`, () => api.leads.timeline({ id: leadId }));
  if (timeline.error) return <ErrorNotice error={timeline.error} />;
  const data = timeline.data;
  if (!data || data.lead.id !== leadId) return <Spinner label={t('common.loading')} />;
  const { lead } = data;
  const when = (ms: number | null) => (ms === null ? t('analysis.noValue') : formatDateTime(locale, ms, zone));
  const reason = (code: string | null, text: string | null): string | null => {
    const label = code ? data.reasons.find((r) => r.code === code) : undefined;
    const name = label ? localized(label.labels, locale) : code;
    if (name && text && text !== name) return `${name} — “${text}”`;
    return name ?? (text ? `“${text}”` : null);
  };
  const entries: Entry[] = [
    ...data.events.map((event) => ({ at: event.entered_at, event })),
    ...data.touches.map((touch) => ({ at: touch.touched_at, touch })),
  ].sort((a, b) => a.at - b.at || ('touch' in a ? 1 : 0) - ('touch' in b ? 1 : 0));
  const facts: Array<[string, string]> = [
    [t('leads.columns.owner'), valueLabel(t, lead.owner)],
    [t('leads.columns.segment'), valueLabel(t, lead.segment)],
    [t('leads.columns.source'), valueLabel(t, lead.source)],
    [t('leads.columns.campaign'), valueLabel(t, lead.campaign)],
    [t('leads.columns.country'), valueLabel(t, lead.country)],
    [t('leads.columns.score'), lead.score === null ? t('analysis.noValue') : formatDecimal(locale, lead.score, 0)],
    [
      t('leads.columns.amount'),
      lead.amount === null
        ? t('analysis.noValue')
        : lead.currency
          ? formatMoney(locale, lead.amount, lead.currency)
          : formatDecimal(locale, lead.amount, 0),
    ],
    [t('leads.columns.created_at'), when(lead.created_at)],
    [t('leads.columns.assigned_at'), when(lead.assigned_at)],
  ];
  const outcome = reason(lead.outcome_reason_code, lead.outcome_reason_text);
  if (outcome) facts.push([t('leads.columns.reason'), outcome]);
  for (const [k, v] of Object.entries(lead.custom)) facts.push([k, v]);
  return (
    <div className="lead-timeline">
      <dl className="lead-facts">
        {facts.map(([label, value]) => (
          <div key={label} className="lead-fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {lead.batch ? (
        <p className="muted small">
          {t('leads.timeline.broughtBy', { file: lead.batch.file_name, date: when(lead.batch.created_at) })}
          {lead.updated_batch && lead.updated_batch.id !== lead.batch.id
            ? ` ${t('leads.timeline.updatedBy', { file: lead.updated_batch.file_name, date: when(lead.updated_batch.created_at) })}`
            : ''}
        </p>
      ) : null}
      <h3 className="timeline-title">{t('leads.timeline.history')}</h3>
      {entries.length === 0 ? <p className="muted">{t('leads.timeline.noEvents')}</p> : null}
      <ol className="timeline">
        {entries.map((entry, i) => {
          if ('touch' in entry) {
            return (
              <li key={`t${i}`} className="timeline-item timeline-touch">
                <span className="timeline-dot timeline-dot-touch" aria-hidden="true">
                  <Icon name="check" size={12} />
                </span>
                <div className="timeline-body">
                  <div className="timeline-head">
                    <strong>{t('leads.timeline.touch')}</strong>
                    <time className="muted">{when(entry.at)}</time>
                  </div>
                  {entry.touch.channel ? <span className="muted small">{entry.touch.channel}</span> : null}
                </div>
              </li>
            );
          }
          const e = entry.event;
          const stay = e.left_at === null ? null : (e.left_at - e.entered_at) / DAY;
          const why = reason(e.reason_code, e.reason_text);
          return (
            <li key={`e${i}`} className="timeline-item">
              <span className="timeline-dot" style={{ background: stageColor(e.stage, stages) }} aria-hidden="true" />
              <div className="timeline-body">
                <div className="timeline-head">
                  <strong>{stageLabel(stages, e.stage, locale)}</strong>
                  <time className="muted">{when(e.entered_at)}</time>
                </div>
                <span className="muted small">
                  {stay === null
                    ? t('leads.timeline.current')
                    : t('leads.timeline.stayed', { days: formatDecimal(locale, stay, 1) })}
                  {e.batch ? ` · ${e.batch.file_name}` : ''}
                </span>
                {why ? <span className="timeline-reason">{t('leads.timeline.reason', { reason: why })}</span> : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
