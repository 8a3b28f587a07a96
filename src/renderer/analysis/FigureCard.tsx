import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { Spinner } from '../components/Spinner';

export interface FigureCardProps {
  readonly title: string;
  /** What the figure is, in one or two sentences from the catalog (DESIGN.md meanings). */
  readonly explanation: string;
  readonly children: ReactNode;
  /** Buttons or a tab strip at the top right. */
  readonly actions?: ReactNode;
  /** A line under the content: numerator/denominator, terms used, data caveats. */
  readonly footnote?: ReactNode;
  /** A newer answer is on its way: what the card shows (if anything) answers the previous scope. */
  readonly loading?: boolean;
  readonly wide?: boolean;
  readonly id?: string;
}

/** A card for one figure: title, what it means, the figure, and its footnote. */
export function FigureCard({
  title,
  explanation,
  children,
  actions,
  footnote,
  loading = false,
  wide = false,
  id,
}: FigureCardProps) {
  const { t } = useTranslation();
  return (
    <section
      className={wide ? 'figure-card card figure-wide' : 'figure-card card'}
      aria-label={title}
      aria-busy={loading}
      id={id}
    >
      <header className="figure-header">
        <div className="figure-heading">
          <h2>
            {title}
            {loading ? <Spinner label={t('common.loading')} /> : null}
          </h2>
          <p className="figure-explanation">
            <Icon name="info" size={14} className="figure-info" />
            {explanation}
          </p>
        </div>
        {actions ? <div className="figure-actions">{actions}</div> : null}
      </header>
      <div className="figure-body">{children}</div>
      {footnote ? <footer className="figure-footnote">{footnote}</footer> : null}
    </section>
  );
}

/** "Small sample": fewer than 30 leads behind a rate. */
export function SmallSample() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-warning" title={t('analysis.smallTitle')}>
      {t('analysis.small')}
    </span>
  );
}
