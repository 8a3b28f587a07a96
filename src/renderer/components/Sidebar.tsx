import { useTranslation } from 'react-i18next';
import { useApp, useNavigation } from '../app-context';
import { SCREENS } from '../screens/registry';
import { SECTIONS, type Section } from '../state/sections';
import { Icon } from './Icon';
import { Logo } from './Logo';

const MAIN_SECTIONS = SECTIONS.filter((s) => s !== 'settings');

function NavItem({ section }: { section: Section }) {
  const { t } = useTranslation();
  const navigation = useApp().navigation;
  const current = useNavigation((s) => s.section);
  return (
    <li>
      <a
        href={`#/${section}`}
        className={current === section ? 'nav-item active' : 'nav-item'}
        aria-current={current === section ? 'page' : undefined}
        onClick={(event) => {
          event.preventDefault();
          navigation.getState().navigate(section);
        }}
      >
        <Icon name={SCREENS[section].icon} />
        <span>{t(`nav.${section}`)}</span>
      </a>
    </li>
  );
}

export function Sidebar() {
  const { t } = useTranslation();
  const ui = useApp().ui;
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="sidebar-inner">
        <div className="brand">
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <ul className="nav-list">
          {MAIN_SECTIONS.map((section) => (
            <NavItem key={section} section={section} />
          ))}
        </ul>
        <ul className="nav-list nav-footer">
          <NavItem section="settings" />
          <li>
            <button type="button" className="nav-item" onClick={() => ui.getState().openDialog({ kind: 'about' })}>
              <Icon name="info" />
              <span>{t('nav.about')}</span>
            </button>
          </li>
        </ul>
      </div>
    </nav>
  );
}
