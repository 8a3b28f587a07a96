import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/domain/types';
import { isDateTarget, type Target } from '../../../../shared/imports/fields';
import type { FileMapping } from '../../../../shared/imports/mapping';
import type { FilePreview } from '../../../../shared/imports/types';
import { Icon } from '../../../components/Icon';
import { dateDecisionText, decimalDecisionText } from '../labels';
import { sampleValues, setTargets, targetGroups, targetsOf, type Layout } from './mapping-editor';
import { TargetSelect } from './TargetSelect';
import { BreakableName } from '../../../components/BreakableName';

interface RowProps {
  readonly header: string;
  readonly index: number;
  readonly fm: FileMapping;
  readonly preview: FilePreview;
  readonly layout: Layout;
  readonly stages: readonly Stage[];
  readonly onChange: (fm: FileMapping) => void;
}

/** Why a column holds what it holds, when the services suggested it and it was not changed since. */
function basisNote(preview: FilePreview, index: number, targets: readonly Target[]): string | null {
  const suggestion = preview.columns[index];
  if (!suggestion || targets.length !== 1 || targets[0] !== suggestion.target) return null;
  return suggestion.basis;
}

function ColumnRow({ header, index, fm, preview, layout, stages, onChange }: RowProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const targets = targetsOf(fm, preview.headers, index);
  const groups = targetGroups(
    layout,
    stages.map((s) => s.key),
    header,
    targets,
  );
  const examples = sampleValues(preview.rows, index);
  const basis = basisNote(preview, index, targets);
  const reading = [
    ...preview.dateDecisions
      .filter((d) => d.column === header && targets.some(isDateTarget))
      .map((d) => dateDecisionText(t, d)),
    ...preview.decimalDecisions
      .filter((d) => d.column === header && targets.some((x) => x === 'score' || x === 'amount'))
      .map((d) => decimalDecisionText(t, d)),
  ];
  const ignored = targets.length === 1 && targets[0] === 'ignore';
  const set = (next: readonly Target[]) => onChange(setTargets(fm, preview.headers, index, next));
  return (
    <tr className={ignored ? 'mapping-row ignored' : 'mapping-row'}>
      <th scope="row" className="mapping-column">
        <div className="mapping-column-text">
          <span className="break mapping-column-name">
            <BreakableName text={header} />
          </span>
          {basis ? <span className={`basis basis-${basis}`}>{t(`importScreen.mapping.basis.${basis}`)}</span> : null}
        </div>
      </th>
      <td className="mapping-examples">
        {examples.length > 0 ? (
          <span className="examples" title={examples.join('\n')}>
            {examples.join(' · ')}
          </span>
        ) : (
          <span className="muted">{t('importScreen.mapping.empty')}</span>
        )}
      </td>
      <td className="mapping-targets">
        {targets.map((target, k) => (
          <div key={`${k}-${target}`} className="target-line">
            <TargetSelect
              groups={groups}
              value={target}
              stages={stages}
              label={
                k === 0
                  ? t('importScreen.mapping.mapsTo', { column: header })
                  : t('importScreen.mapping.alsoMapsTo', { column: header })
              }
              onChange={(next) => set(targets.map((x, j) => (j === k ? next : x)))}
            />
            {k > 0 ? (
              <button
                type="button"
                className="icon-button"
                aria-label={t('importScreen.mapping.removeUse', { column: header })}
                title={t('importScreen.mapping.removeUse', { column: header })}
                onClick={() => set(targets.filter((_x, j) => j !== k))}
              >
                <Icon name="x" size={16} />
              </button>
            ) : null}
          </div>
        ))}
        {adding ? (
          <div className="target-line">
            <TargetSelect
              groups={groups}
              value=""
              stages={stages}
              placeholder={t('importScreen.mapping.choose')}
              label={t('importScreen.mapping.alsoMapsTo', { column: header })}
              onChange={(next) => {
                setAdding(false);
                set([...targets.filter((x) => x !== 'ignore'), next]);
              }}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.cancel')}
              title={t('common.cancel')}
              onClick={() => setAdding(false)}
            >
              <Icon name="x" size={16} />
            </button>
          </div>
        ) : !ignored ? (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            <Icon name="plus" size={14} />
            {t('importScreen.mapping.addUse')}
          </button>
        ) : null}
        {reading.map((line) => (
          <p key={line} className="target-reading">
            {line}
          </p>
        ))}
      </td>
    </tr>
  );
}

/** Every column of the file with examples of its values and what it becomes. */
export function ColumnMappingTable(props: Omit<RowProps, 'header' | 'index'>) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="table mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('importScreen.mapping.column')}</th>
            <th scope="col">{t('importScreen.mapping.examples')}</th>
            <th scope="col">{t('importScreen.mapping.target')}</th>
          </tr>
        </thead>
        <tbody>
          {props.preview.headers.map((header, index) => (
            <ColumnRow key={`${index}-${header}`} header={header} index={index} {...props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
