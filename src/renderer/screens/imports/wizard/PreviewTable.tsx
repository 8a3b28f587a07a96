import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../app-context';
import { formatInteger } from '../../../format';

/**
 * The first rows as the services read them, numbered as a spreadsheet numbers them (the header is
 * row 1), so "row 14" in a problem report is the row a user finds in Excel.
 */
export function PreviewTable({
  headers,
  rows,
  caption,
}: {
  headers: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
  caption: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table table-compact preview-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num row-number">
              {t('importScreen.preview.row')}
            </th>
            {headers.map((h, i) => (
              <th key={`${i}-${h}`} scope="col" title={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              <td className="num row-number">{formatInteger(locale, r + 2)}</td>
              {headers.map((_h, c) => (
                <td key={c} title={row[c] ?? ''}>
                  {row[c] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
