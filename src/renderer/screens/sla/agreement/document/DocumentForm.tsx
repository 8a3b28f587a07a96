import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../../shared/domain/types';
import {
  PARTY_ROLES,
  type Party,
  type PartyRole,
  type Period,
  type TermsDocument,
} from '../../../../../shared/documents/terms';
import { useLocale } from '../../../../app-context';
import { formatLanguageName } from '../../../../format';
import type { DocumentEdits } from './compose-input';
import { PeriodFields } from '../PeriodFields';

interface Props {
  readonly edits: DocumentEdits;
  /** The document as last previewed: what an untouched field shows. */
  readonly terms: TermsDocument | null;
  readonly period: Period;
  readonly hasPlan: boolean;
  onEdit(edits: DocumentEdits): void;
  onPeriod(period: Period): void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The parts of the agreement people choose: language, period, parties, and how it is enforced. */
export function DocumentForm({ edits, terms, period, hasPlan, onEdit, onPeriod }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const weekday = (d: number) =>
    new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, d));
  const setParty = (role: PartyRole, patch: Partial<Party>) =>
    onEdit({ ...edits, [role]: { ...edits[role], ...patch } });
  const partyValue = (role: PartyRole, field: keyof Party) => edits[role]?.[field] ?? terms?.parties[role][field] ?? '';
  const review = { ...terms?.review, ...edits.review };
  return (
    <form className="agreement-form" onSubmit={(e) => e.preventDefault()} data-testid="document-form">
      <label className="field-control">
        <span className="field-label">{t('slaAgreement.document.language')}</span>
        <select
          className="select"
          value={edits.locale ?? terms?.locale ?? ''}
          onChange={(e) => {
            const chosen = LOCALES.find((l) => l === e.target.value);
            if (chosen) onEdit({ ...edits, locale: chosen });
          }}
          data-testid="document-language"
        >
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {formatLanguageName(locale, l)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-control">
        <span className="field-label">{t('slaAgreement.document.company')}</span>
        <input
          className="input"
          value={edits.company ?? terms?.parties.company ?? ''}
          onChange={(e) => onEdit({ ...edits, company: e.target.value })}
          maxLength={200}
        />
      </label>
      <PeriodFields value={period} onChange={onPeriod} legend={t('slaAgreement.document.period')} />
      {PARTY_ROLES.map((role) => (
        <fieldset key={role} className="agreement-party" data-party={role}>
          <legend>{t(`slaAgreement.document.party.${role}`)}</legend>
          <div className="agreement-grid agreement-grid-2">
            <label className="field-control">
              <span className="field-label">{t('slaAgreement.document.name')}</span>
              <input
                className="input"
                value={partyValue(role, 'name')}
                onChange={(e) => setParty(role, { name: e.target.value })}
                maxLength={120}
              />
            </label>
            <label className="field-control">
              <span className="field-label">{t('slaAgreement.document.title')}</span>
              <input
                className="input"
                value={partyValue(role, 'title')}
                onChange={(e) => setParty(role, { title: e.target.value })}
                maxLength={120}
              />
            </label>
          </div>
          <label className="field-control">
            <span className="field-label">{t('slaAgreement.document.email')}</span>
            <input
              className="input"
              type="email"
              value={partyValue(role, 'email')}
              onChange={(e) => setParty(role, { email: e.target.value })}
              maxLength={254}
            />
          </label>
        </fieldset>
      ))}
      <fieldset className="agreement-party">
        <legend>{t('slaAgreement.document.enforcement')}</legend>
        <div className="agreement-grid agreement-grid-2">
          <label className="field-control">
            <span className="field-label">{t('slaAgreement.document.reviewDay')}</span>
            <select
              className="select"
              value={review.weekday ?? 1}
              onChange={(e) => onEdit({ ...edits, review: { ...edits.review, weekday: Number(e.target.value) } })}
              data-testid="document-review-day"
            >
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {weekday(d)}
                </option>
              ))}
            </select>
          </label>
          <label className="field-control">
            <span className="field-label">{t('slaAgreement.document.escalationWeeks')}</span>
            <input
              className="input num-input"
              type="number"
              min={1}
              max={52}
              value={review.escalationWeeks ?? 2}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 52)
                  onEdit({ ...edits, review: { ...edits.review, escalationWeeks: n } });
              }}
            />
          </label>
        </div>
        <label className="field-control">
          <span className="field-label">{t('slaAgreement.document.escalateTo')}</span>
          <input
            className="input"
            value={edits.review?.escalateTo ?? terms?.review.escalateTo ?? ''}
            onChange={(e) => onEdit({ ...edits, review: { ...edits.review, escalateTo: e.target.value } })}
            maxLength={200}
          />
        </label>
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={edits.includePlan && hasPlan}
          disabled={!hasPlan}
          onChange={(e) => onEdit({ ...edits, includePlan: e.target.checked })}
        />
        <span>{hasPlan ? t('slaAgreement.document.includePlan') : t('slaAgreement.document.noPlan')}</span>
      </label>
    </form>
  );
}
