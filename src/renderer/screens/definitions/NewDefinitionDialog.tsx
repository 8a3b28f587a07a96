import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFINITION_KINDS, type DefinitionKind } from '../../../shared/definitions/model';
import type { ApiErrorPayload } from '../../../shared/errors';
import { localized } from '../../../shared/i18n';
import { useApi, useLocale } from '../../app-context';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { asAppError } from '../../transport/envelope';
import { useWorkspace } from '../../use-workspace';

/** A key from a title: "SQL criteria" -> "sql_criteria" (letters outside a-z are dropped). */
function keyFrom(title: string): string {
  const key = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(key) ? key : `definition_${key}`.replace(/_+$/, '');
}

/** Starts a definition; its first revision is written in the editor and agreed like any other. */
export function NewDefinitionDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: number) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useLocale();
  const workspace = useWorkspace();
  const formId = useId();
  const stages = workspace.stages.filter((s) => s.kind === 'funnel');
  const [kind, setKind] = useState<DefinitionKind>('stage_criteria');
  const [title, setTitle] = useState('');
  const [key, setKey] = useState('');
  const [stage, setStage] = useState(stages[1]?.key ?? stages[0]?.key ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const effectiveKey = key.trim() || keyFrom(title);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.definitions.create({
        kind,
        key: effectiveKey,
        title: title.trim(),
        stageKey: kind === 'stage_criteria' ? stage : null,
      });
      onCreated(created.definition.id);
      onClose();
    } catch (e) {
      setError(asAppError(e).toPayload());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('definitions.new.title')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" form={formId} variant="primary" busy={busy} disabled={title.trim() === ''}>
            {t('definitions.new.create')}
          </Button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={(e) => void submit(e)}>
        <Field label={t('definitions.field.kind')}>
          <select
            className="select"
            value={kind}
            onChange={(e) => setKind(DEFINITION_KINDS.find((k) => k === e.target.value) ?? 'stage_criteria')}
          >
            {DEFINITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`definitions.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind === 'stage_criteria' ? (
          <Field label={t('definitions.field.stage')}>
            <select className="select" value={stage} onChange={(e) => setStage(e.target.value)}>
              {stages.map((s) => (
                <option key={s.key} value={s.key}>
                  {localized(s.labels, locale)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field label={t('definitions.field.title')}>
          <input className="input" value={title} maxLength={200} required onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label={t('definitions.field.key')} hint={t('definitions.new.keyHint', { key: effectiveKey || '—' })}>
          <input
            className="input mono"
            value={key}
            placeholder={keyFrom(title)}
            maxLength={60}
            onChange={(e) => setKey(e.target.value)}
          />
        </Field>
      </form>
      {error ? <ErrorNotice error={error} /> : null}
    </Dialog>
  );
}
