import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

export interface Fact {
  readonly label: string;
  readonly value: string;
  /** Text rather than a number (a date range): given two columns so it stays on one line. */
  readonly wide?: boolean;
}

/** A section with nothing to show yet: what it is for, where the data stands, and what to do next. */
export function EmptyState({
  icon,
  title,
  description,
  status,
  facts,
  extra,
  actions,
}: {
  icon: IconName;
  title: string;
  description: string;
  status?: string;
  facts?: readonly Fact[];
  extra?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="empty-state card" aria-label={title}>
      <div className="empty-icon">
        <Icon name={icon} size={24} />
      </div>
      <h2>{title}</h2>
      <p className="empty-description">{description}</p>
      {facts && facts.length > 0 ? (
        <dl className="facts">
          {facts.map((fact) => (
            <div key={fact.label} className={fact.wide ? 'fact fact-wide' : 'fact'}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {extra}
      {status ? <p className="empty-status">{status}</p> : null}
      {actions ? <div className="empty-actions">{actions}</div> : null}
    </section>
  );
}
