import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/domain/types';
import { isTarget, type Target } from '../../../../shared/imports/fields';
import { useLocale } from '../../../app-context';
import { targetLabel } from '../labels';
import type { TargetGroup } from './mapping-editor';

/** One choice of what a column means, grouped as the editor offers them; '' is "choose…" for a new extra use. */
export function TargetSelect({
  groups,
  value,
  stages,
  label,
  onChange,
  placeholder,
  disabled,
}: {
  groups: readonly TargetGroup[];
  value: Target | '';
  stages: readonly Stage[];
  label: string;
  onChange: (target: Target) => void;
  placeholder?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <select
      className="select target-select"
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (isTarget(v)) onChange(v);
      }}
    >
      {placeholder ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {groups.map((g) => (
        <optgroup key={g.id} label={t(`importScreen.targetGroup.${g.id}`)}>
          {g.targets.map((target) => (
            <option key={target} value={target}>
              {targetLabel(t, target, stages, locale)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
