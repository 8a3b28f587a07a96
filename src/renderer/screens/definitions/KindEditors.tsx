import { useTranslation } from 'react-i18next';
import type { RevisionBody } from '../../../shared/definitions/model';
import { localized } from '../../../shared/i18n';
import { useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { useWorkspace } from '../../use-workspace';

/** SLA terms as typed: numbers stay text until saved, so the server's checks name what is wrong. */
export interface TermsDraft {
  readonly handoffStage: string;
  readonly acceptedStage: string;
  readonly followUpBusinessHours: string;
  readonly clockStart: 'handoff' | 'assignment';
  readonly weeklyVolumeTarget: string;
  readonly salRatePercent: string;
  readonly recyclingBusinessHours: string;
  readonly overrides: ReadonlyArray<{
    readonly segment: string;
    readonly followUp: string;
    readonly weekly: string;
    readonly salPercent: string;
  }>;
}

type Terms = RevisionBody<'sla_terms'>['terms'];

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim().replace(',', '.')));
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function termsDraft(t: Terms): TermsDraft {
  return {
    handoffStage: t.handoffStage,
    acceptedStage: t.acceptedStage,
    followUpBusinessHours: String(t.followUpBusinessHours),
    clockStart: t.clockStart,
    weeklyVolumeTarget: String(t.weeklyVolumeTarget),
    salRatePercent: String(round(t.salRateTarget * 100)),
    recyclingBusinessHours: String(t.recyclingBusinessHours),
    overrides: Object.entries(t.segmentOverrides).map(([segment, o]) => ({
      segment,
      followUp: o.followUpBusinessHours === undefined ? '' : String(o.followUpBusinessHours),
      weekly: o.weeklyVolumeTarget === undefined ? '' : String(o.weeklyVolumeTarget),
      salPercent: o.salRateTarget === undefined ? '' : String(round(o.salRateTarget * 100)),
    })),
  };
}

/** Back to the stored shape; anything unreadable stays NaN/empty and the schema check reports it. */
export function termsFrom(d: TermsDraft): Terms {
  const optional = (s: string, scale = 1) => (s.trim() === '' ? undefined : round(num(s) / scale));
  return {
    handoffStage: d.handoffStage,
    acceptedStage: d.acceptedStage,
    followUpBusinessHours: num(d.followUpBusinessHours),
    clockStart: d.clockStart,
    weeklyVolumeTarget: num(d.weeklyVolumeTarget),
    salRateTarget: round(num(d.salRatePercent) / 100),
    recyclingBusinessHours: num(d.recyclingBusinessHours),
    segmentOverrides: Object.fromEntries(
      d.overrides
        .filter((o) => o.segment.trim() !== '')
        .map((o) => [
          o.segment.trim(),
          Object.fromEntries(
            Object.entries({
              followUpBusinessHours: optional(o.followUp),
              weeklyVolumeTarget: optional(o.weekly),
              salRateTarget: optional(o.salPercent, 100),
            }).filter(([, v]) => v !== undefined),
          ),
        ]),
    ),
  };
}

export function TermsEditor({ value, onChange }: { value: TermsDraft; onChange: (v: TermsDraft) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const funnel = workspace.stages.filter((s) => s.kind === 'funnel');
  const set = (patch: Partial<TermsDraft>) => onChange({ ...value, ...patch });
  const stageSelect = (key: 'handoffStage' | 'acceptedStage') => (
    <select className="select" value={value[key]} onChange={(e) => set({ [key]: e.target.value })}>
      {funnel.map((s) => (
        <option key={s.key} value={s.key}>
          {localized(s.labels, locale)}
        </option>
      ))}
    </select>
  );
  const numberInput = (
    key: 'followUpBusinessHours' | 'weeklyVolumeTarget' | 'salRatePercent' | 'recyclingBusinessHours',
  ) => (
    <input className="input" inputMode="decimal" value={value[key]} onChange={(e) => set({ [key]: e.target.value })} />
  );
  return (
    <div className="defs-terms-editor">
      <div className="defs-form-grid">
        <Field label={t('definitions.terms.handoffStage')}>{stageSelect('handoffStage')}</Field>
        <Field label={t('definitions.terms.acceptedStage')}>{stageSelect('acceptedStage')}</Field>
        <Field label={t('definitions.terms.followUpHours')}>{numberInput('followUpBusinessHours')}</Field>
        <Field label={t('definitions.terms.clockStart')}>
          <select
            className="select"
            value={value.clockStart}
            onChange={(e) => set({ clockStart: e.target.value === 'assignment' ? 'assignment' : 'handoff' })}
          >
            <option value="handoff">{t('definitions.terms.clock.handoff')}</option>
            <option value="assignment">{t('definitions.terms.clock.assignment')}</option>
          </select>
        </Field>
        <Field label={t('definitions.terms.weeklyVolume')}>{numberInput('weeklyVolumeTarget')}</Field>
        <Field label={t('definitions.terms.salRatePercent')}>{numberInput('salRatePercent')}</Field>
        <Field label={t('definitions.terms.recyclingHours')}>{numberInput('recyclingBusinessHours')}</Field>
      </div>
      <fieldset className="defs-fieldset">
        <legend>{t('definitions.terms.overrides')}</legend>
        {value.overrides.map((o, i) => {
          const patch = (p: Partial<TermsDraft['overrides'][number]>) =>
            set({ overrides: value.overrides.map((x, j) => (j === i ? { ...x, ...p } : x)) });
          return (
            <div key={i} className="defs-override-row">
              <input
                className="input"
                aria-label={t('definitions.terms.segment')}
                placeholder={t('definitions.terms.segment')}
                value={o.segment}
                onChange={(e) => patch({ segment: e.target.value })}
              />
              <input
                className="input"
                aria-label={t('definitions.terms.followUpHours')}
                placeholder={t('definitions.terms.followUpHours')}
                value={o.followUp}
                onChange={(e) => patch({ followUp: e.target.value })}
              />
              <input
                className="input"
                aria-label={t('definitions.terms.weeklyVolume')}
                placeholder={t('definitions.terms.weeklyVolume')}
                value={o.weekly}
                onChange={(e) => patch({ weekly: e.target.value })}
              />
              <input
                className="input"
                aria-label={t('definitions.terms.salRatePercent')}
                placeholder={t('definitions.terms.salRatePercent')}
                value={o.salPercent}
                onChange={(e) => patch({ salPercent: e.target.value })}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('definitions.terms.removeOverride')}
                title={t('definitions.terms.removeOverride')}
                onClick={() => set({ overrides: value.overrides.filter((_x, j) => j !== i) })}
              >
                <Icon name="x" size={16} />
              </button>
            </div>
          );
        })}
        <Button
          size="sm"
          variant="ghost"
          icon="plus"
          onClick={() =>
            set({ overrides: [...value.overrides, { segment: '', followUp: '', weekly: '', salPercent: '' }] })
          }
        >
          {t('definitions.terms.addOverride')}
        </Button>
      </fieldset>
    </div>
  );
}

/** The questions both teams must answer alike (DESIGN.md "market and message"). */
export const MARKET_QUESTIONS = ['problem', 'audience', 'promise', 'proof'] as const;

export function AnswersEditor({
  value,
  onChange,
}: {
  value: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const keys = [...new Set([...MARKET_QUESTIONS, ...Object.keys(value)])];
  return (
    <div className="form">
      {keys.map((k) => (
        <Field key={k} label={t(`definitions.market.${k}`, { defaultValue: k })}>
          <textarea
            className="input defs-textarea-sm"
            value={value[k] ?? ''}
            maxLength={5000}
            onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          />
        </Field>
      ))}
    </div>
  );
}

type Reason = RevisionBody<'reason_taxonomy'>['reasons'][number];
const KINDS: ReadonlyArray<Reason['kind']> = ['win', 'loss', 'rejection', 'recycle'];

/** Reason codes with their label in English and in the current language, and the CRM texts that mean them. */
export function TaxonomyEditor({ value, onChange }: { value: readonly Reason[]; onChange: (v: Reason[]) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const set = (i: number, patch: Partial<Reason>) => onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="defs-table-wrap">
      <table className="table defs-taxonomy-editor">
        {/* Each field shows its heading above it (data-label); the row of headings is for screen readers. */}
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{t('definitions.reasons.kind')}</th>
            <th scope="col">{t('definitions.reasons.code')}</th>
            <th scope="col">{t('definitions.reasons.labelIn', { language: 'en' })}</th>
            {locale !== 'en' ? <th scope="col">{t('definitions.reasons.labelIn', { language: locale })}</th> : null}
            <th scope="col">{t('definitions.reasons.aliases')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('definitions.reasons.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {value.map((r, i) => (
            <tr key={i}>
              <td className="defs-reason-kind" data-label={t('definitions.reasons.kind')}>
                <select
                  className="select"
                  aria-label={t('definitions.reasons.kind')}
                  value={r.kind}
                  onChange={(e) => set(i, { kind: KINDS.find((k) => k === e.target.value) ?? 'loss' })}
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`definitions.reasons.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="defs-reason-code" data-label={t('definitions.reasons.code')}>
                <input
                  className="input mono"
                  aria-label={t('definitions.reasons.code')}
                  value={r.code}
                  onChange={(e) => set(i, { code: e.target.value })}
                />
              </td>
              <td className="defs-reason-label" data-label={t('definitions.reasons.labelIn', { language: 'en' })}>
                <input
                  className="input"
                  aria-label={t('definitions.reasons.labelIn', { language: 'en' })}
                  value={r.labels.en ?? ''}
                  onChange={(e) => set(i, { labels: { ...r.labels, en: e.target.value } })}
                />
              </td>
              {locale !== 'en' ? (
                <td className="defs-reason-label" data-label={t('definitions.reasons.labelIn', { language: locale })}>
                  <input
                    className="input"
                    aria-label={t('definitions.reasons.labelIn', { language: locale })}
                    value={r.labels[locale] ?? ''}
                    onChange={(e) => set(i, { labels: { ...r.labels, [locale]: e.target.value } })}
                  />
                </td>
              ) : null}
              <td className="defs-reason-aliases" data-label={t('definitions.reasons.aliases')}>
                <input
                  className="input"
                  aria-label={t('definitions.reasons.aliases')}
                  defaultValue={r.aliases.join('; ')}
                  title={t('definitions.reasons.aliasesHint')}
                  // Split on leaving the field: splitting while typing would eat the separator.
                  onBlur={(e) =>
                    set(i, {
                      aliases: e.target.value
                        .split(';')
                        .map((a) => a.trim())
                        .filter((a) => a !== ''),
                    })
                  }
                />
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('definitions.reasons.remove')}
                  title={t('definitions.reasons.remove')}
                  onClick={() => onChange(value.filter((_x, j) => j !== i))}
                >
                  <Icon name="x" size={16} />
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        size="sm"
        variant="ghost"
        icon="plus"
        onClick={() => onChange([...value, { code: '', kind: 'loss', labels: { en: '' }, aliases: [] }])}
      >
        {t('definitions.reasons.add')}
      </Button>
    </div>
  );
}
