import { useTranslation } from 'react-i18next';
import { useLocale } from '../../app-context';
import { formatInteger } from '../../format';
import { Button } from '../../components/Button';

/** "Rows 26–50 of 1,204" with previous and next; `page` counts from 0. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="pager" aria-label={t('importScreen.pager.label')}>
      <span className="muted">
        {t('importScreen.pager.range', {
          from: formatInteger(locale, from),
          to: formatInteger(locale, to),
          total: formatInteger(locale, total),
        })}
      </span>
      <Button size="sm" variant="ghost" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        {t('importScreen.pager.previous')}
      </Button>
      <Button size="sm" variant="ghost" disabled={page >= pages - 1} onClick={() => onPage(page + 1)}>
        {t('importScreen.pager.next')}
      </Button>
    </nav>
  );
}
