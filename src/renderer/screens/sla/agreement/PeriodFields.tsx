import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../shared/documents/terms';

/** A date range as two date inputs, the start never after the end: the planner's and the document's period. */
export function PeriodFields({
  value,
  onChange,
  legend,
  testId,
}: {
  value: Period;
  onChange: (p: Period) => void;
  legend: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="agreement-period" data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      <label>
        <span className="visually-hidden">{t('slaAgreement.common.from')}</span>
        <input
          className="input"
          type="date"
          value={value.from}
          max={value.to}
          required
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
      </label>
      <span aria-hidden="true">–</span>
      <label>
        <span className="visually-hidden">{t('slaAgreement.common.to')}</span>
        <input
          className="input"
          type="date"
          value={value.to}
          min={value.from}
          required
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
