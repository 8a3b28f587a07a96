import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SLA_TERMS, type DefinitionKind } from '../../../shared/definitions/model';
import { ruleProblems } from '../../../shared/definitions/check';
import type { AnyRevisionBody, DefinitionDetail, RevisionInfo } from '../../../shared/definitions/types';
import type { ApiErrorPayload } from '../../../shared/errors';
import { useApi, useApp, useSession } from '../../app-context';
import { Button } from '../../components/Button';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { asAppError } from '../../transport/envelope';
import { useWorkspace } from '../../use-workspace';
import { AnswersEditor, TaxonomyEditor, TermsEditor, termsDraft, termsFrom, type TermsDraft } from './KindEditors';
import { LiveCount } from './LiveCount';
import { RuleBuilder } from './RuleBuilder';
import { dateOf, startOfDate } from './periods';
import { fromRule, newCondition, newGroup, toRule, type DraftGroup } from './rule-draft';

function startingBody(kind: DefinitionKind, detail: DefinitionDetail, draft: RevisionInfo | null): AnyRevisionBody {
  if (draft) return draft.body;
  const base = detail.revisions.find((r) => r.id === detail.inForceId) ?? detail.revisions.at(-1);
  if (base) return base.body;
  switch (kind) {
    case 'stage_criteria':
      return { text: '', rule: { type: 'group', combinator: 'and', rules: [] } };
    case 'icp':
      return { text: '' };
    case 'sla_terms':
      return { text: '', terms: DEFAULT_SLA_TERMS };
    case 'market':
      return { text: '', answers: {} };
    case 'reason_taxonomy':
      return { text: '', reasons: [] };
  }
}

/**
 * A new revision (or a draft being finished): the agreed text, the kind's own part (rule with a
 * live count, SLA terms, answers, reasons), when it takes effect, and why. Saved as a draft, or
 * proposed to both leaders, after which it can no longer change.
 */
export function Editor({
  detail,
  draft,
  onSaved,
}: {
  detail: DefinitionDetail;
  draft: RevisionInfo | null;
  onSaved: (r: RevisionInfo) => Promise<void>;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const model = useApp();
  const workspace = useWorkspace();
  const savedName = useSession((s) => s.session?.preferences.userName ?? '');
  const kind = detail.definition.kind;
  const start = useMemo(() => startingBody(kind, detail, draft), [kind, detail, draft]);

  const [text, setText] = useState(start.text);
  const [rule, setRule] = useState<DraftGroup | null>(() => {
    if (!('rule' in start) || !start.rule) return kind === 'stage_criteria' ? newGroup('and', [newCondition()]) : null;
    const root = fromRule(start.rule);
    return root.kind === 'group' ? root : newGroup('and', [root]);
  });
  const [terms, setTerms] = useState<TermsDraft>(() => termsDraft('terms' in start ? start.terms : DEFAULT_SLA_TERMS));
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    'answers' in start ? { ...start.answers } : {},
  );
  const [reasons, setReasons] = useState(() =>
    'reasons' in start ? start.reasons.map((r) => ({ ...r, labels: { ...r.labels }, aliases: [...r.aliases] })) : [],
  );
  const [rationale, setRationale] = useState(draft?.rationale ?? '');
  const [when, setWhen] = useState<'approval' | 'date'>(draft?.effectiveFrom != null ? 'date' : 'approval');
  const [date, setDate] = useState(
    draft?.effectiveFrom != null
      ? dateOf(draft.effectiveFrom, workspace.timeZone)
      : dateOf(Date.now(), workspace.timeZone),
  );
  const [author, setAuthor] = useState(draft?.author ?? savedName);
  const [busy, setBusy] = useState<'draft' | 'propose' | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);

  const compiled = rule ? toRule(rule) : null;
  const problems = compiled ? ruleProblems(compiled) : [];
  const body = (): AnyRevisionBody => {
    if (kind === 'stage_criteria') return { text, rule: compiled ?? { type: 'group', combinator: 'and', rules: [] } };
    if (kind === 'icp') return compiled ? { text, rule: compiled } : { text };
    if (kind === 'sla_terms') return { text, terms: termsFrom(terms) };
    if (kind === 'market')
      return { text, answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v.trim() !== '')) };
    return { text, reasons };
  };
  const effectiveFrom = when === 'date' && date ? startOfDate(date, workspace.timeZone) : null;
  const readOnly = workspace.readOnly;
  const canPropose =
    !readOnly && problems.length === 0 && text.trim() !== '' && rationale.trim() !== '' && author.trim() !== '';

  const save = async (propose: boolean) => {
    setBusy(propose ? 'propose' : 'draft');
    setError(null);
    try {
      if (author.trim() !== savedName) await model.session.getState().setPreferences({ userName: author.trim() });
      let saved: RevisionInfo;
      if (draft) {
        saved = await api.definitions.updateDraft({
          revisionId: draft.id,
          body: body(),
          rationale,
          author: author.trim(),
          effectiveFrom,
        });
        if (propose) saved = await api.definitions.propose({ revisionId: draft.id });
      } else {
        saved = await api.definitions.draft({
          definitionId: detail.definition.id,
          body: body(),
          rationale,
          author: author.trim(),
          effectiveFrom,
          propose,
        });
      }
      await onSaved(saved);
    } catch (e) {
      setError(asAppError(e).toPayload());
    } finally {
      setBusy(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (canPropose) void save(true);
  };

  const next = draft ? draft.version : Math.max(0, ...detail.revisions.map((r) => r.version)) + 1;
  return (
    <form className="defs-editor" onSubmit={submit} aria-label={t('definitions.builder.title', { version: next })}>
      <div className="defs-section-head">
        <h3>{t(draft ? 'definitions.builder.editDraft' : 'definitions.builder.title', { version: next })}</h3>
      </div>
      <section className="card panel">
        <Field label={t('definitions.field.text')} hint={t('definitions.builder.textHint')}>
          <textarea
            className="input defs-textarea"
            value={text}
            maxLength={20000}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
      </section>
      {kind === 'stage_criteria' || kind === 'icp' ? (
        <section className="card panel" aria-labelledby="defs-rule-title">
          <div className="defs-section-head">
            <div>
              <h4 id="defs-rule-title">{t('definitions.field.rule')}</h4>
              <p className="muted">
                {t(kind === 'icp' ? 'definitions.builder.ruleHintIcp' : 'definitions.builder.ruleHint')}
              </p>
            </div>
            {kind === 'icp' ? (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setRule(rule ? null : newGroup('and', [newCondition()]))}
              >
                {t(rule ? 'definitions.builder.removeRule' : 'definitions.builder.addRule')}
              </Button>
            ) : null}
          </div>
          {rule ? (
            <>
              <LiveCount
                rule={problems.length === 0 ? compiled : null}
                stage={kind === 'stage_criteria' ? detail.definition.stageKey : null}
              />
              <RuleBuilder root={rule} onChange={setRule} problems={problems} disabled={readOnly} />
            </>
          ) : null}
        </section>
      ) : null}
      {kind === 'sla_terms' ? (
        <section className="card panel">
          <TermsEditor value={terms} onChange={setTerms} />
        </section>
      ) : null}
      {kind === 'market' ? (
        <section className="card panel">
          <AnswersEditor value={answers} onChange={setAnswers} />
        </section>
      ) : null}
      {kind === 'reason_taxonomy' ? (
        <section className="card panel">
          <TaxonomyEditor value={reasons} onChange={setReasons} />
        </section>
      ) : null}
      <section className="card panel">
        <fieldset className="defs-fieldset">
          <legend>{t('definitions.builder.effective')}</legend>
          <div className="radio-row">
            <label className="radio">
              <input type="radio" name="defs-when" checked={when === 'approval'} onChange={() => setWhen('approval')} />
              {t('definitions.builder.onApproval')}
            </label>
            <label className="radio">
              <input type="radio" name="defs-when" checked={when === 'date'} onChange={() => setWhen('date')} />
              {t('definitions.builder.onDate')}
            </label>
            {when === 'date' ? (
              <input
                className="input defs-date"
                type="date"
                aria-label={t('definitions.builder.date')}
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            ) : null}
          </div>
        </fieldset>
        <Field label={t('definitions.field.rationale')} hint={t('definitions.builder.rationaleHint')}>
          <textarea
            className="input defs-textarea-sm"
            value={rationale}
            maxLength={5000}
            onChange={(e) => setRationale(e.target.value)}
          />
        </Field>
        <Field label={t('definitions.builder.author')} hint={savedName ? undefined : t('definitions.name.hint')}>
          <input
            className="input defs-author"
            value={author}
            autoComplete="name"
            maxLength={120}
            onChange={(e) => setAuthor(e.target.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <div className="panel-actions">
          <Button
            disabled={readOnly || author.trim() === '' || problems.length > 0}
            busy={busy === 'draft'}
            onClick={() => void save(false)}
          >
            {t('definitions.actions.saveDraft')}
          </Button>
          <Button type="submit" variant="primary" disabled={!canPropose} busy={busy === 'propose'}>
            {t('definitions.actions.propose')}
          </Button>
        </div>
        {!canPropose && !readOnly ? <p className="muted defs-hint-right">{t('definitions.builder.needed')}</p> : null}
      </section>
    </form>
  );
}
