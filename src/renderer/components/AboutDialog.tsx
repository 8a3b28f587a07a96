import { useTranslation } from 'react-i18next';
import { useSession } from '../app-context';
import { folderOf } from '../workspace-actions';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Logo } from './Logo';
import { AboutLicences } from './AboutLicences';

export function AboutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const version = useSession((s) => s.session?.appVersion ?? '');
  const host = useSession((s) => s.session?.host ?? 'browser');
  const samplePath = useSession((s) => s.session?.samplePath ?? '');
  return (
    <Dialog
      title={t('about.title')}
      size="sm"
      onClose={onClose}
      footer={
        <Button variant="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <div className="about">
        <Logo size={48} />
        <div>
          <p className="about-name">{t('app.name')}</p>
          <p className="muted">{t('about.version', { version })}</p>
        </div>
      </div>
      <p>{t('app.tagline')}</p>
      <p className="muted">{t('about.localFirst')}</p>
      <dl className="about-facts">
        <dt>{t('about.runsAs')}</dt>
        <dd>{t(`about.host.${host}`)}</dd>
        <dt>{t('about.dataFolder')}</dt>
        <dd className="mono break">{folderOf(samplePath)}</dd>
      </dl>
      <AboutLicences />
    </Dialog>
  );
}
