import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../shared/domain/types';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApp, useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { formatCurrencyName, formatLanguageName, formatZoneOffset } from '../../format';
import { asAppError } from '../../transport/envelope';
import { useWorkspace } from '../../use-workspace';
import { currencyCodes, timeZoneGroups } from './zones';

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Settings stored in the workspace file, shared by everyone who opens it. */
export function WorkspaceSettingsPanel() {
  const { t } = useTranslation();
  const uiLocale = useLocale();
  const model = useApp();
  const workspace = useWorkspace();
  const [name, setName] = useState(workspace.name);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [locale, setLocale] = useState<Locale>(workspace.locale);
  const [currency, setCurrency] = useState(workspace.currency);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);

  const zones = useMemo(() => {
    const now = Date.now();
    return timeZoneGroups(workspace.timeZone).map(({ region, zones }) => ({
      region,
      zones: zones.map((zone) => ({
        zone,
        label: `${zone.replaceAll('_', ' ')} (${formatZoneOffset(uiLocale, zone, now)})`,
      })),
    }));
  }, [uiLocale, workspace.timeZone]);
  const currencies = useMemo(
    () =>
      currencyCodes(workspace.currency).map((code) => ({
        code,
        label: `${code} — ${formatCurrencyName(uiLocale, code)}`,
      })),
    [uiLocale, workspace.currency],
  );

  const changed =
    name.trim() !== workspace.name ||
    timeZone !== workspace.timeZone ||
    locale !== workspace.locale ||
    currency !== workspace.currency;
  const disabled = workspace.readOnly;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await model.session.getState().updateSettings({ name: name.trim(), timeZone, locale, currency });
      model.ui.getState().notify('settings.saved');
    } catch (e) {
      setError(asAppError(e).toPayload());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card panel">
      <header className="panel-header">
        <h2>{t('settings.workspace.title')}</h2>
        <p className="muted">{t('settings.workspace.description')}</p>
      </header>
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <Field label={t('settings.workspace.name')}>
          <input
            className="input"
            value={name}
            maxLength={120}
            required
            disabled={disabled}
            onChange={(event) => setName(event.target.value)}
          />
        </Field>
        <Field label={t('settings.workspace.timeZone')} hint={t('settings.workspace.timeZoneHint')}>
          <select
            className="select"
            value={timeZone}
            disabled={disabled}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            {zones.map(({ region, zones: list }) =>
              region ? (
                <optgroup key={region} label={region}>
                  {list.map((z) => (
                    <option key={z.zone} value={z.zone}>
                      {z.label}
                    </option>
                  ))}
                </optgroup>
              ) : (
                list.map((z) => (
                  <option key={z.zone} value={z.zone}>
                    {z.label}
                  </option>
                ))
              ),
            )}
          </select>
        </Field>
        <Field label={t('settings.workspace.locale')} hint={t('settings.workspace.localeHint')}>
          <select
            className="select"
            value={locale}
            disabled={disabled}
            onChange={(event) => {
              if (isLocale(event.target.value)) setLocale(event.target.value);
            }}
          >
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {formatLanguageName(uiLocale, l)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('settings.workspace.currency')} hint={t('settings.workspace.currencyHint')}>
          <select
            className="select"
            value={currency}
            disabled={disabled}
            onChange={(event) => setCurrency(event.target.value)}
          >
            {currencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        {disabled ? <p className="muted">{t('settings.workspace.readOnly')}</p> : null}
        {error ? <ErrorNotice error={error} /> : null}
        <div className="panel-actions">
          <Button type="submit" variant="primary" busy={busy} disabled={disabled || !changed}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
