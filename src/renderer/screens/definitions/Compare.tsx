import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleDiffNode, TextChange } from '../../../shared/definitions/diff';
import type { DefinitionDetail } from '../../../shared/definitions/types';
import { ruleText } from '../../../shared/documents/rule-text';
import { useApi, useLocale } from '../../app-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Spinner } from '../../components/Spinner';
import { StatusPill } from './labels';
import { useResource } from '../../analysis/use-resource';

export function TextSide({ changes, side }: { changes: readonly TextChange[]; side: 'from' | 'to' }) {
  const hide = side === 'from' ? 'added' : 'removed';
  return (
    <p className="defs-text defs-diff-text">
      {changes
        .filter((c) => c.op !== hide)
        .map((c, i) =>
          c.op === 'same' ? (
            <span key={i}>{c.text}</span>
          ) : c.op === 'removed' ? (
            <del key={i} className="defs-del">
              {c.text}
            </del>
          ) : (
            <ins key={i} className="defs-ins">
              {c.text}
            </ins>
          ),
        )}
    </p>
  );
}

/** One side of a rule diff: the nodes that exist on that side, marked where they differ. */
export function RuleSide({ node, side }: { node: RuleDiffNode; side: 'from' | 'to' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if ((side === 'from' && node.status === 'added') || (side === 'to' && node.status === 'removed')) return null;
  const mark =
    node.status === 'same' ? '' : node.status === 'changed' ? 'defs-chg' : side === 'from' ? 'defs-del' : 'defs-ins';
  if (node.type === 'condition') {
    const c = side === 'from' ? node.from : node.to;
    if (!c) return null;
    return (
      <li className={`defs-rule-cond ${mark}`}>
        {ruleText({ type: 'group', combinator: 'and', rules: [c] }, t, locale)}
        {mark ? <span className="visually-hidden"> ({t(`definitions.compare.status.${node.status}`)})</span> : null}
      </li>
    );
  }
  const combinator = side === 'from' ? node.from : node.to;
  return (
    <li
      className={`defs-rule-group ${node.from !== node.to && node.status === 'changed' ? 'defs-chg-head' : ''} ${node.status === 'added' || node.status === 'removed' ? mark : ''}`}
    >
      <span className="defs-rule-comb">{t(`definitions.builder.match.${combinator ?? 'and'}`)}</span>
      <ul>
        {node.children.map((child, i) => (
          <RuleSide key={i} node={child} side={side} />
        ))}
      </ul>
    </li>
  );
}

const TERM_KEYS: Record<string, string> = {
  handoffStage: 'handoffStage',
  acceptedStage: 'acceptedStage',
  followUpBusinessHours: 'followUp',
  clockStart: 'clockStart',
  weeklyVolumeTarget: 'weeklyVolume',
  salRateTarget: 'salRate',
  recyclingBusinessHours: 'recycling',
};

/** A changed setting named in words: SLA terms and market answers by label, reasons by kind and code. */
function pathLabel(
  t: ReturnType<typeof useTranslation>['t'],
  kind: DefinitionDetail['definition']['kind'],
  path: string,
): string {
  const parts = path.split('.');
  if (kind === 'sla_terms') {
    if (parts[0] === 'segmentOverrides' && parts.length >= 3) {
      return `${t('definitions.terms.override', { segment: parts[1] })}: ${t(`definitions.terms.${TERM_KEYS[parts[2]!] ?? parts[2]}`)}`;
    }
    return t(`definitions.terms.${TERM_KEYS[parts[0]!] ?? parts[0]}`);
  }
  if (kind === 'market') return t(`definitions.market.${path}`, { defaultValue: path });
  return path;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Any two revisions side by side: the text word by word, the rule node by node, settings by name. */
export function Compare({
  detail,
  initial,
}: {
  detail: DefinitionDetail;
  initial: { from: number; to: number } | null;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const revisions = detail.revisions;
  const latest = revisions.at(-1);
  const fallback = { from: revisions.at(-2)?.id ?? latest?.id ?? 0, to: latest?.id ?? 0 };
  const [pair, setPair] = useState(initial ?? fallback);
  const diff = useResource(JSON.stringify(['diff', pair.from, pair.to]), () =>
    api.definitions.diff({ fromId: pair.from, toId: pair.to }),
  );

  if (revisions.length === 0) return <p className="defs-empty card">{t('definitions.compare.none')}</p>;
  const picker = (which: 'from' | 'to') => (
    <label className="defs-inline-field">
      <span>{t(`definitions.compare.${which}`)}</span>
      <select
        className="select"
        value={pair[which]}
        onChange={(e) => setPair({ ...pair, [which]: Number(e.target.value) })}
      >
        {revisions.map((r) => (
          <option key={r.id} value={r.id}>
            {t('definitions.compare.option', { version: r.version, status: t(`definitions.status.${r.status}`) })}
          </option>
        ))}
      </select>
    </label>
  );
  const d = diff.data;
  return (
    <div className="defs-compare">
      <div className="defs-toolbar">
        {picker('from')}
        {picker('to')}
      </div>
      {diff.error ? <ErrorNotice error={diff.error} /> : null}
      {diff.loading ? <Spinner label={t('common.loading')} /> : null}
      {d ? (
        <div className="defs-diff card defs-result" aria-busy={diff.stale}>
          <div className="defs-diff-grid">
            <div className="defs-diff-head">
              <strong>v{d.from.version}</strong> <StatusPill status={d.from.status} />
            </div>
            <div className="defs-diff-head">
              <strong>v{d.to.version}</strong> <StatusPill status={d.to.status} />
            </div>
            <h4 className="defs-diff-section">{t('definitions.field.text')}</h4>
            <TextSide changes={d.text} side="from" />
            <TextSide changes={d.text} side="to" />
            {d.rule ? (
              <>
                <h4 className="defs-diff-section">{t('definitions.field.rule')}</h4>
                <ul className="defs-rule-tree">
                  <RuleSide node={d.rule} side="from" />
                </ul>
                <ul className="defs-rule-tree">
                  <RuleSide node={d.rule} side="to" />
                </ul>
              </>
            ) : null}
            {d.fields.length > 0 ? (
              <>
                <h4 className="defs-diff-section">{t('definitions.compare.settings')}</h4>
                <dl className="defs-diff-fields">
                  {d.fields.map((f) => (
                    <div key={f.path}>
                      <dt>{pathLabel(t, detail.definition.kind, f.path)}</dt>
                      <dd className="defs-del">{show(f.from)}</dd>
                    </div>
                  ))}
                </dl>
                <dl className="defs-diff-fields">
                  {d.fields.map((f) => (
                    <div key={f.path}>
                      <dt>{pathLabel(t, detail.definition.kind, f.path)}</dt>
                      <dd className="defs-ins">{show(f.to)}</dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : null}
          </div>
          {d.text.every((c) => c.op === 'same') && (!d.rule || d.rule.status === 'same') && d.fields.length === 0 ? (
            <p className="muted">{t('definitions.compare.noChanges')}</p>
          ) : null}
          <p className="muted defs-diff-legend">
            <del className="defs-del">{t('definitions.compare.legendRemoved')}</del>{' '}
            <ins className="defs-ins">{t('definitions.compare.legendAdded')}</ins>{' '}
            <span className="defs-chg">{t('definitions.compare.legendChanged')}</span>
          </p>
        </div>
      ) : null}
    </div>
  );
}
