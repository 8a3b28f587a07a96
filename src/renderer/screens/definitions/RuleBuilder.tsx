import { useTranslation } from 'react-i18next';
import type { RuleProblem } from '../../../shared/definitions/check';
import { pathText } from '../../../shared/definitions/check';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import {
  CUSTOM,
  FIELD_CHOICES,
  LIST,
  NO_VALUE,
  newCondition,
  newGroup,
  operatorsFor,
  pathOf,
  updateNode,
  type DraftCondition,
  type DraftGroup,
  type DraftNode,
} from './rule-draft';

interface Props {
  readonly root: DraftGroup;
  readonly onChange: (root: DraftGroup) => void;
  readonly problems: readonly RuleProblem[];
  readonly disabled?: boolean;
}

function problemText(t: ReturnType<typeof useTranslation>['t'], p: RuleProblem): string {
  return t(`errors.definitions.rule.${p.code}`, { ...p.params, at: pathText(p.path) });
}

function ConditionRow({ node, props }: { node: DraftCondition; props: Props }) {
  const { t } = useTranslation();
  const path = pathOf(props.root, node.id);
  const mine = props.problems.filter((p) => path && p.path.join('.') === path.join('.'));
  const set = (patch: Partial<DraftCondition>) =>
    props.onChange(
      updateNode(props.root, node.id, (n) => {
        if (n.kind !== 'condition') return n;
        const next = { ...n, ...patch };
        // A field change keeps the operator only when the new field offers it.
        if (patch.field && !operatorsFor(next.field).includes(next.operator))
          return { ...next, operator: operatorsFor(next.field)[0]! };
        return next;
      }),
    );
  const needsValue = !NO_VALUE.has(node.operator);
  return (
    <li className={mine.length ? 'defs-cond invalid' : 'defs-cond'}>
      <div className="defs-cond-row">
        <select
          className="select defs-cond-field"
          aria-label={t('definitions.builder.field')}
          value={node.field}
          disabled={props.disabled}
          onChange={(e) => set({ field: e.target.value })}
        >
          {FIELD_CHOICES.map((f) => (
            <option key={f} value={f}>
              {t(`definitions.fields.${f}`)}
            </option>
          ))}
        </select>
        {node.field === CUSTOM ? (
          <input
            className="input defs-cond-custom"
            aria-label={t('definitions.builder.customName')}
            placeholder={t('definitions.builder.customName')}
            value={node.customName}
            maxLength={80}
            disabled={props.disabled}
            onChange={(e) => set({ customName: e.target.value })}
          />
        ) : null}
        <select
          className="select defs-cond-op"
          aria-label={t('definitions.builder.operator')}
          value={node.operator}
          disabled={props.disabled}
          onChange={(e) => set({ operator: e.target.value as DraftCondition['operator'] })}
        >
          {operatorsFor(node.field).map((op) => (
            <option key={op} value={op}>
              {t(`definitions.operators.${op}`)}
            </option>
          ))}
        </select>
        {needsValue ? (
          <input
            className="input defs-cond-value"
            aria-label={t('definitions.builder.value')}
            placeholder={LIST.has(node.operator) ? t('definitions.builder.listHint') : t('definitions.builder.value')}
            value={node.text}
            disabled={props.disabled}
            aria-invalid={mine.length > 0 || undefined}
            onChange={(e) => set({ text: e.target.value })}
          />
        ) : (
          <span className="defs-cond-value" />
        )}
        <button
          type="button"
          className="icon-button"
          aria-label={t('definitions.builder.removeCondition')}
          title={t('definitions.builder.removeCondition')}
          disabled={props.disabled}
          onClick={() => props.onChange(updateNode(props.root, node.id, () => null))}
        >
          <Icon name="x" size={16} />
        </button>
      </div>
      {mine.map((p) => (
        <p key={p.code} className="field-error defs-cond-error" role="alert">
          {problemText(t, p)}
        </p>
      ))}
    </li>
  );
}

function GroupEditor({ node, props, depth }: { node: DraftGroup; props: Props; depth: number }) {
  const { t } = useTranslation();
  const add = (child: DraftNode) =>
    props.onChange(
      updateNode(props.root, node.id, (n) => (n.kind === 'group' ? { ...n, children: [...n.children, child] } : n)),
    );
  const tooDeep = props.problems.filter((p) => p.code === 'tooDeep');
  return (
    <div className={depth === 0 ? 'defs-group root' : 'defs-group'}>
      <div className="defs-group-head">
        <label className="defs-inline-field">
          <span>{t('definitions.builder.leadsMeet')}</span>
          <select
            className="select"
            value={node.combinator}
            disabled={props.disabled}
            onChange={(e) =>
              props.onChange(
                updateNode(props.root, node.id, (n) =>
                  n.kind === 'group' ? { ...n, combinator: e.target.value === 'or' ? 'or' : 'and' } : n,
                ),
              )
            }
          >
            <option value="and">{t('definitions.builder.match.and')}</option>
            <option value="or">{t('definitions.builder.match.or')}</option>
          </select>
        </label>
        {depth > 0 ? (
          <button
            type="button"
            className="icon-button"
            aria-label={t('definitions.builder.removeGroup')}
            title={t('definitions.builder.removeGroup')}
            disabled={props.disabled}
            onClick={() => props.onChange(updateNode(props.root, node.id, () => null))}
          >
            <Icon name="x" size={16} />
          </button>
        ) : null}
      </div>
      {node.children.length === 0 ? (
        <p className="muted defs-group-empty">{t('definitions.builder.emptyGroup')}</p>
      ) : null}
      <ul className="defs-group-children">
        {node.children.map((child) =>
          child.kind === 'condition' ? (
            <ConditionRow key={child.id} node={child} props={props} />
          ) : (
            <li key={child.id}>
              <GroupEditor node={child} props={props} depth={depth + 1} />
            </li>
          ),
        )}
      </ul>
      <div className="defs-group-actions">
        <Button size="sm" variant="ghost" icon="plus" disabled={props.disabled} onClick={() => add(newCondition())}>
          {t('definitions.builder.addCondition')}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          icon="plus"
          disabled={props.disabled}
          onClick={() => add(newGroup(node.combinator === 'and' ? 'or' : 'and', [newCondition()]))}
        >
          {t('definitions.builder.addGroup')}
        </Button>
      </div>
      {depth === 0 && tooDeep.length ? (
        <p className="field-error" role="alert">
          {problemText(t, tooDeep[0]!)}
        </p>
      ) : null}
    </div>
  );
}

/** Field, operator, value, and AND/OR groups nested to any depth the checker allows. */
export function RuleBuilder(props: Props) {
  return <GroupEditor node={props.root} props={props} depth={0} />;
}
