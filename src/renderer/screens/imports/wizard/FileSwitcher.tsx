import { useTranslation } from 'react-i18next';
import { Tabs } from '../../../components/Tabs';
import type { ChosenFile } from './state';

/** Which of several files the format and mapping steps show; nothing at all for one file. */
export function FileSwitcher({
  files,
  active,
  onChange,
}: {
  files: readonly ChosenFile[];
  active: number;
  onChange: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (files.length < 2) return null;
  return (
    <Tabs
      label={t('importScreen.fileSwitcher')}
      items={files.map((f, i) => ({ key: String(i), label: <span className="file-tab">{f.name}</span> }))}
      value={String(active)}
      onChange={(key) => onChange(Number(key))}
    />
  );
}
