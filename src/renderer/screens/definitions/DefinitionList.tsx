import { useTranslation } from 'react-i18next';
import { DEFINITION_KINDS } from '../../../shared/definitions/model';
import type { DefinitionSummary } from '../../../shared/definitions/types';

/** Definitions grouped by kind, each with the version in force and what awaits a decision. */
export function DefinitionList({
  definitions,
  selected,
  onSelect,
}: {
  definitions: readonly DefinitionSummary[];
  selected: number;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="defs-list card" aria-label={t('definitions.list.label')}>
      {DEFINITION_KINDS.map((kind) => {
        const items = definitions.filter((d) => d.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} className="defs-list-group">
            <h2 className="defs-list-kind">{t(`definitions.kindPlural.${kind}`)}</h2>
            <ul>
              {items.map((d) => {
                const proposals = d.open.filter((r) => r.status === 'proposed').length;
                return (
                  <li key={d.id}>
                    <button
                      type="button"
                      className={d.id === selected ? 'defs-list-item active' : 'defs-list-item'}
                      aria-current={d.id === selected ? 'true' : undefined}
                      onClick={() => onSelect(d.id)}
                    >
                      <span className="defs-list-title">{d.title}</span>
                      <span className="defs-list-meta">
                        {d.inForce
                          ? t('definitions.list.inForce', { version: d.inForce.version })
                          : t('definitions.list.noneInForce')}
                        {proposals > 0 ? (
                          <span className="defs-pill defs-pill-proposed">
                            {t('definitions.list.proposals', { count: proposals })}
                          </span>
                        ) : null}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
