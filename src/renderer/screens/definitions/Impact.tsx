import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DefinitionDetail,
  ImpactPreview,
  OwnerLoad,
  PreviewVersion,
  RevisionInfo,
  RulePreview,
  SlaPreview,
} from '../../../shared/definitions/types';
import type { Proportion } from '../../../shared/metrics/stats';
import { useApi, useLocale } from '../../app-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate, formatDateRange, formatDecimal, formatInteger, formatPercent } from '../../format';
import { useWorkspace } from '../../use-workspace';
import { wholeFigures } from '../../components/WholeFigures';
import { RateWithInterval, stageName } from './labels';
import { PreviewChart, SERIES_COLORS } from './PreviewChart';
import { useJob } from '../../analysis/use-job';
import { Button } from '../../components/Button';
import { ReadsProgress } from '../../components/ReadsProgress';

const WEEK_CHOICES = [4, 8, 12, 26] as const;

type T = ReturnType<typeof useTranslation>['t'];

/** The revisions a preview names, with their status (a meeting passes the ones its snapshot froze). */
export interface PreviewVersions {
  readonly revisions: ReadonlyArray<Pick<RevisionInfo, 'id' | 'status'>>;
}

/** Figure, the two versions (in their chart colours) and the change: the head of both comparison tables. */
function ComparisonHead({ names }: { names: { baseline: string; candidate: string } }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('definitions.impact.figure')}</th>
        <th scope="col" className="num">
          <span className="defs-swatch" style={{ background: SERIES_COLORS.baseline }} />
          {names.baseline}
        </th>
        <th scope="col" className="num">
          <span className="defs-swatch" style={{ background: SERIES_COLORS.candidate }} />
          {names.candidate}
        </th>
        <th scope="col" className="num">
          {t('definitions.impact.change')}
        </th>
      </tr>
    </thead>
  );
}

function versionName(t: T, detail: PreviewVersions, v: PreviewVersion): string {
  if (v.version === null) return t('definitions.impact.noVersion');
  const r = detail.revisions.find((x) => x.id === v.revisionId);
  return t('definitions.impact.versionStatus', {
    version: v.version,
    status: r ? t(`definitions.status.${r.status}`) : '',
  });
}

function signed(locale: string, n: number, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    signDisplay: 'exceptZero',
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}

/** A change of share in percentage points, or a dash. */
function pointsOf(t: T, locale: string, a: number | null, b: number | null): string {
  if (a === null || b === null) return '—';
  return t('definitions.impact.points', { value: signed(locale, (b - a) * 100, 1) });
}

const points = (t: T, locale: string, a: Proportion, b: Proportion) => pointsOf(t, locale, a.rate, b.rate);

/** A change; coloured only where its direction is good or bad (fewer breaches), not for volumes. */
function Delta({ value, text, better }: { value: number; text: string; better?: 'up' | 'down' }) {
  const tone = !better || value === 0 ? '' : value > 0 === (better === 'up') ? ' up' : ' down';
  return <span className={`defs-delta${tone}`}>{text}</span>;
}

function weekLabel(locale: string, from: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    Date.parse(`${from}T00:00:00Z`),
  );
}

export function RuleImpact({ p, detail }: { p: RulePreview; detail: PreviewVersions }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const b = p.totals.baseline;
  const c = p.totals.candidate;
  const stage = stageName(workspace, p.stage, locale);
  const next = p.nextStage ? stageName(workspace, p.nextStage, locale) : null;
  const won = p.wonStage ? stageName(workspace, p.wonStage, locale) : null;
  const names = { baseline: versionName(t, detail, p.baseline), candidate: versionName(t, detail, p.candidate) };
  const count = (n: number, perWeek: number) =>
    `${formatInteger(locale, n)} (${t('definitions.impact.perWeekValue', { value: formatDecimal(locale, perWeek) })})`;
  const integer = useCallback((v: number) => formatInteger(locale, v), [locale]);
  const load = (o: OwnerLoad) => formatDecimal(locale, o.perWeek);
  const follow = (o: OwnerLoad) =>
    o.followup && o.followup.rate !== null ? formatPercent(locale, o.followup.rate, 0) : '—';
  return (
    <div className="defs-impact-body">
      <div className="defs-table-wrap card">
        <table className="table defs-impact-table">
          <ComparisonHead names={names} />
          <tbody>
            <tr>
              <th scope="row">{t('definitions.impact.qualifying', { stage })}</th>
              <td className="num">{count(b.qualifying, b.perWeek)}</td>
              <td className="num">{count(c.qualifying, c.perWeek)}</td>
              <td className="num">
                <Delta value={c.qualifying - b.qualifying} text={signed(locale, c.qualifying - b.qualifying)} />
              </td>
            </tr>
            <tr>
              <th scope="row" className="defs-indent">
                {t('definitions.impact.handedOver')}
              </th>
              <td className="num">{formatInteger(locale, b.handedOver)}</td>
              <td className="num">{formatInteger(locale, c.handedOver)}</td>
              <td className="num">
                <Delta value={c.handedOver - b.handedOver} text={signed(locale, c.handedOver - b.handedOver)} />
              </td>
            </tr>
            <tr>
              <th scope="row" className="defs-indent">
                {t('definitions.impact.notHandedOver', { stage })}
              </th>
              <td className="num">{formatInteger(locale, b.notHandedOver)}</td>
              <td className="num">{formatInteger(locale, c.notHandedOver)}</td>
              <td className="num">
                <Delta
                  value={c.notHandedOver - b.notHandedOver}
                  text={signed(locale, c.notHandedOver - b.notHandedOver)}
                />
              </td>
            </tr>
            {next ? (
              <tr>
                <th scope="row">{t('definitions.impact.rate', { from: stage, to: next })}</th>
                <td className="num">
                  <RateWithInterval p={b.nextRate} locale={locale} />
                </td>
                <td className="num">
                  <RateWithInterval p={c.nextRate} locale={locale} />
                </td>
                <td className="num">{points(t, locale, b.nextRate, c.nextRate)}</td>
              </tr>
            ) : null}
            {won ? (
              <tr>
                <th scope="row">{t('definitions.impact.rate', { from: stage, to: won })}</th>
                <td className="num">
                  <RateWithInterval p={b.closeRate} locale={locale} />
                </td>
                <td className="num">
                  <RateWithInterval p={c.closeRate} locale={locale} />
                </td>
                <td className="num">{points(t, locale, b.closeRate, c.closeRate)}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <p className="defs-impact-changes">
          {t('definitions.impact.gained', { count: p.gained, n: formatInteger(locale, p.gained) })} ·{' '}
          {t('definitions.impact.lost', { count: p.lost, n: formatInteger(locale, p.lost) })}
        </p>
      </div>
      <PreviewChart
        title={t('definitions.impact.chartQualifying', { stage })}
        labels={p.weeks.map((w) => weekLabel(locale, w.from))}
        format={integer}
        series={[
          {
            label: names.baseline,
            values: p.weeks.map((w) => w.baseline.qualifying),
            color: SERIES_COLORS.baseline,
            type: 'bar',
          },
          {
            label: names.candidate,
            values: p.weeks.map((w) => w.candidate.qualifying),
            color: SERIES_COLORS.candidate,
            type: 'bar',
          },
          {
            label: t('definitions.impact.actual', { stage }),
            values: p.weeks.map((w) => w.actual),
            color: SERIES_COLORS.actual,
            type: 'line',
            dashed: true,
          },
        ]}
      />
      {p.owners.length > 0 ? (
        <section className="card panel" aria-labelledby="defs-owners">
          <div>
            <h4 id="defs-owners">{t('definitions.impact.owners')}</h4>
            <p className="muted">
              {t(p.isHandoff ? 'definitions.impact.ownersHint' : 'definitions.impact.ownersHintStage', { stage })}
            </p>
          </div>
          <div className="defs-table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('definitions.impact.owner')}</th>
                  <th scope="col" className="num">
                    {t('definitions.impact.loadOf', { version: p.baseline.version ?? '—' })}
                  </th>
                  <th scope="col" className="num">
                    {t('definitions.impact.loadOf', { version: p.candidate.version ?? '—' })}
                  </th>
                  <th scope="col" className="num">
                    {t('definitions.impact.change')}
                  </th>
                  {p.isHandoff ? (
                    <>
                      <th scope="col" className="num">
                        {t('definitions.impact.followupOf', { version: p.baseline.version ?? '—' })}
                      </th>
                      <th scope="col" className="num">
                        {t('definitions.impact.followupOf', { version: p.candidate.version ?? '—' })}
                      </th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {p.owners.map((o) => (
                  <tr key={o.owner ?? ''}>
                    <td>{o.owner ?? t('definitions.impact.noOwner')}</td>
                    <td className="num">{load(o.baseline)}</td>
                    <td className="num">{load(o.candidate)}</td>
                    <td className="num">
                      <Delta
                        value={o.candidate.perWeek - o.baseline.perWeek}
                        text={signed(locale, o.candidate.perWeek - o.baseline.perWeek, 1)}
                      />
                    </td>
                    {p.isHandoff ? (
                      <>
                        <td className="num">{follow(o.baseline)}</td>
                        <td className="num">{follow(o.candidate)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

export function SlaImpact({ p, detail }: { p: SlaPreview; detail: PreviewVersions }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const b = p.totals.baseline;
  const c = p.totals.candidate;
  const names = { baseline: versionName(t, detail, p.baseline), candidate: versionName(t, detail, p.candidate) };
  const percent = useCallback((v: number) => formatPercent(locale, v, 0), [locale]);
  const yesNo = (v: boolean | null) =>
    v === null ? '—' : t(v ? 'definitions.impact.targetMet' : 'definitions.impact.targetMissed');
  const hours = (v: SlaPreview['totals']['baseline']) => (
    <span className="defs-stacked">
      <span>
        {t('definitions.terms.hoursValue', {
          value: formatDecimal(locale, v.followUpHours, v.followUpHours % 1 === 0 ? 0 : 1),
        })}
      </span>
      {Object.entries(v.segmentFollowUpHours).map(([segment, h]) => (
        <span key={segment} className="muted">
          {t('definitions.impact.segmentHours', { segment, value: formatDecimal(locale, h, h % 1 === 0 ? 0 : 1) })}
        </span>
      ))}
    </span>
  );
  return (
    <div className="defs-impact-body">
      <div className="defs-table-wrap card">
        <table className="table defs-impact-table">
          <ComparisonHead names={names} />
          <tbody>
            <tr>
              <th scope="row">{t('definitions.terms.followUp')}</th>
              <td className="num">{hours(b)}</td>
              <td className="num">{hours(c)}</td>
              <td className="num">{signed(locale, c.followUpHours - b.followUpHours)}</td>
            </tr>
            <tr>
              <th scope="row">{t('definitions.impact.followupMet')}</th>
              <td className="num">
                <RateWithInterval p={b.followup} locale={locale} />
              </td>
              <td className="num">
                <RateWithInterval p={c.followup} locale={locale} />
              </td>
              <td className="num">{points(t, locale, b.followup, c.followup)}</td>
            </tr>
            <tr>
              <th scope="row">{t('definitions.impact.breached')}</th>
              <td className="num">{formatInteger(locale, b.followup.breached)}</td>
              <td className="num">{formatInteger(locale, c.followup.breached)}</td>
              <td className="num">
                <Delta
                  value={c.followup.breached - b.followup.breached}
                  text={signed(locale, c.followup.breached - b.followup.breached)}
                  better="down"
                />
              </td>
            </tr>
            <tr>
              <th scope="row">{t('definitions.impact.volume')}</th>
              <td className="num">
                {t('definitions.impact.weeksMet', {
                  met: b.weeksVolumeMet,
                  weeks: p.weeks.length,
                  target: formatInteger(locale, b.weeklyTarget),
                })}
              </td>
              <td className="num">
                {t('definitions.impact.weeksMet', {
                  met: c.weeksVolumeMet,
                  weeks: p.weeks.length,
                  target: formatInteger(locale, c.weeklyTarget),
                })}
              </td>
              <td className="num">{signed(locale, c.weeksVolumeMet - b.weeksVolumeMet)}</td>
            </tr>
            <tr>
              <th scope="row">{t('definitions.impact.salRateActual')}</th>
              <td className="num">
                <RateWithInterval p={b.salRate} locale={locale} />
              </td>
              <td className="num">
                <RateWithInterval p={c.salRate} locale={locale} />
              </td>
              <td className="num">{points(t, locale, b.salRate, c.salRate)}</td>
            </tr>
            <tr>
              <th scope="row" className="defs-indent">
                {t('definitions.impact.salRate')}
              </th>
              <td className="num">
                {t('definitions.impact.againstTarget', {
                  target: formatPercent(locale, b.salTarget, 0),
                  verdict: yesNo(b.salMet),
                })}
              </td>
              <td className="num">
                {t('definitions.impact.againstTarget', {
                  target: formatPercent(locale, c.salTarget, 0),
                  verdict: yesNo(c.salMet),
                })}
              </td>
              <td className="num">{pointsOf(t, locale, b.salTarget, c.salTarget)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <PreviewChart
        title={t('definitions.impact.chartFollowup')}
        labels={p.weeks.map((w) => weekLabel(locale, w.from))}
        format={percent}
        max={1}
        series={[
          {
            label: names.baseline,
            values: p.weeks.map((w) => w.baseline.followup.rate),
            color: SERIES_COLORS.baseline,
            type: 'line',
          },
          {
            label: names.candidate,
            values: p.weeks.map((w) => w.candidate.followup.rate),
            color: SERIES_COLORS.candidate,
            type: 'line',
          },
        ]}
      />
      {p.owners.length > 0 ? (
        <section className="card panel" aria-labelledby="defs-owners">
          <h4 id="defs-owners">{t('definitions.impact.ownersSla')}</h4>
          <div className="defs-table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('definitions.impact.owner')}</th>
                  <th scope="col" className="num">
                    {t('definitions.impact.perWeek')}
                  </th>
                  <th scope="col" className="num">
                    {t('definitions.impact.followupOf', { version: p.baseline.version ?? '—' })}
                  </th>
                  <th scope="col" className="num">
                    {t('definitions.impact.followupOf', { version: p.candidate.version ?? '—' })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.owners.map((o) => (
                  <tr key={o.owner ?? ''}>
                    <td>{o.owner ?? t('definitions.impact.noOwner')}</td>
                    <td className="num">{formatDecimal(locale, o.candidate.perWeek)}</td>
                    <td className="num">
                      {o.baseline.followup?.rate != null ? formatPercent(locale, o.baseline.followup.rate, 0) : '—'}
                    </td>
                    <td className="num">
                      {o.candidate.followup?.rate != null ? formatPercent(locale, o.candidate.followup.rate, 0) : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/**
 * A revision's impact preview over the last `weeks`, as a job (seconds on a large workspace): its
 * progress and cancel, and the figures last computed while the next ones are read. A new choice,
 * or leaving the tab, cancels the preview under way, so the thread is free for the next one.
 */
function useImpactPreview(revisionId: number | null, weeks: number) {
  const api = useApi();
  const job = useJob<ImpactPreview>();
  const [shown, setShown] = useState<ImpactPreview | null>(null);
  const [stopped, setStopped] = useState(false);
  // From the choice to its figures (or its end): the figures shown are the last choice's.
  const [pending, setPending] = useState(false);
  const [generation, setGeneration] = useState(0);
  const { start, cancel } = job;
  useEffect(() => {
    if (revisionId === null) return;
    let wanted = true;
    setStopped(false);
    setPending(true);
    void start(() =>
      api.definitions.preview({ revisionId, weeks }).then((s) => {
        // Unwanted before it could be followed: stop it here.
        if (!wanted) void api.jobs.cancel({ id: s.id }).catch(() => undefined);
        return s;
      }),
    ).then((s) => {
      if (!wanted) return;
      setPending(false);
      if (s?.state === 'done') setShown(s.result);
      else if (s?.state === 'cancelled') setStopped(true);
    });
    return () => {
      wanted = false;
      cancel();
    };
  }, [api, start, cancel, revisionId, weeks, generation]);
  const failed = job.status?.state === 'failed' ? job.status.error : null;
  return {
    job,
    shown,
    stopped,
    pending,
    error: job.error ?? failed,
    again: () => setGeneration((g) => g + 1),
  };
}

/** The "what if" of a revision: the last weeks recomputed under it and under the version in force. */
export function Impact({ detail, initial }: { detail: DefinitionDetail; initial: number | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const candidates = [...detail.revisions].reverse().filter((r) => r.status !== 'rejected' && r.status !== 'withdrawn');
  const fallback = candidates.find((r) => r.status === 'proposed' || r.status === 'draft') ?? candidates[0];
  const [revisionId, setRevisionId] = useState<number | null>(initial ?? fallback?.id ?? null);
  const [weeks, setWeeks] = useState<number>(8);
  const preview = useImpactPreview(revisionId, weeks);
  if (revisionId === null) return <p className="defs-empty card">{t('definitions.impact.nothing')}</p>;
  const p = preview.shown;
  const progress = preview.job.status?.state === 'running' ? preview.job.status.progress : null;
  return (
    <div className="defs-impact">
      <div className="defs-toolbar">
        <label className="defs-inline-field">
          <span>{t('definitions.impact.revision')}</span>
          <select className="select" value={revisionId} onChange={(e) => setRevisionId(Number(e.target.value))}>
            {candidates.map((r) => (
              <option key={r.id} value={r.id}>
                {t('definitions.compare.option', { version: r.version, status: t(`definitions.status.${r.status}`) })}
              </option>
            ))}
          </select>
        </label>
        <label className="defs-inline-field">
          <span>{t('definitions.impact.weeks')}</span>
          <select className="select" value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {WEEK_CHOICES.map((w) => (
              <option key={w} value={w}>
                {t('definitions.impact.lastWeeks', { count: w })}
              </option>
            ))}
          </select>
        </label>
        {progress ? (
          <div className="job-line defs-impact-progress" role="status">
            <ReadsProgress progress={progress} label={t('jobs.definitions.preview')} />
            <Button size="sm" onClick={preview.job.cancel}>
              {t('common.cancel')}
            </Button>
          </div>
        ) : null}
      </div>
      {preview.stopped ? (
        <p className="job-line defs-impact-stopped" role="status">
          <span>{t(p ? 'definitions.impact.stoppedShown' : 'definitions.impact.stopped')}</span>
          <Button size="sm" onClick={preview.again}>
            {t('definitions.impact.computeAgain')}
          </Button>
        </p>
      ) : null}
      {preview.error ? <ErrorNotice error={preview.error} /> : null}
      {p ? (
        <div className="defs-result" aria-busy={preview.pending}>
          <p className="defs-impact-caption">
            {wholeFigures(
              (figures) =>
                t('definitions.impact.caption', {
                  ...figures,
                  candidate: versionName(t, detail, p.candidate),
                  baseline: versionName(t, detail, p.baseline),
                }),
              {
                period: formatDateRange(
                  locale,
                  Date.parse(`${p.from}T12:00:00Z`),
                  Date.parse(`${p.to}T12:00:00Z`),
                  'UTC',
                ),
                asOf: formatDate(locale, p.asOf, workspace.timeZone),
              },
            )}
          </p>
          {p.type === 'rule' ? <RuleImpact p={p} detail={detail} /> : <SlaImpact p={p} detail={detail} />}
          <p className="muted defs-note">
            {t(p.type === 'rule' ? 'definitions.impact.noteRule' : 'definitions.impact.noteSla')}
          </p>
        </div>
      ) : null}
    </div>
  );
}
