import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { WorkspaceInfo } from '../../shared/domain/types';
import { useApp, useSession } from '../app-context';
import { runMenuCommand } from '../menu-commands';
import { reportFailures } from '../workspace-actions';
import { Icon } from './Icon';
import { Menu, MenuItem, MenuLabel, MenuSeparator } from './Menu';

const RECENT_SHOWN = 5;

/**
 * The workspace switcher in the header. It also makes the File menu's commands reachable in
 * browser mode, where there is no native menu.
 */
export function WorkspaceMenu({ workspace }: { workspace: WorkspaceInfo }) {
  const { t } = useTranslation();
  const model = useApp();
  const recent = useSession((s) => s.session?.recent);
  // Export belongs to the screen on display; the item shows only while that screen offers it.
  const canExport = useStore(model.screenCommands, (s) => s.handlers.export !== undefined);
  const others = (recent ?? []).filter((r) => r.path !== workspace.path).slice(0, RECENT_SHOWN);
  const run = (close: () => void, work: () => Promise<unknown>) => {
    close();
    void reportFailures(model, work);
  };

  return (
    <Menu
      label={t('app.menu.label')}
      triggerClassName="workspace-switcher"
      triggerTitle={t('app.header.fileTooltip', { path: workspace.path })}
      trigger={
        <>
          <Icon name="database" />
          <span className="workspace-name">{workspace.name}</span>
          <Icon name="chevronDown" size={16} className="muted" />
        </>
      }
    >
      {(close) => (
        <>
          <MenuItem icon="plus" onSelect={() => run(close, () => runMenuCommand('workspace.new', model))}>
            {t('app.menu.new')}
          </MenuItem>
          <MenuItem icon="folderOpen" onSelect={() => run(close, () => runMenuCommand('workspace.open', model))}>
            {t('app.menu.open')}
          </MenuItem>
          <MenuItem icon="sparkles" onSelect={() => run(close, () => runMenuCommand('workspace.sample', model))}>
            {t('app.menu.sample')}
          </MenuItem>
          {others.length > 0 ? (
            <>
              <MenuSeparator />
              <MenuLabel>{t('app.menu.recent')}</MenuLabel>
              {others.map((r) => (
                <MenuItem
                  key={r.path}
                  icon="folder"
                  hint={r.exists ? r.path : t('start.recent.missing')}
                  title={r.path}
                  disabled={!r.exists}
                  onSelect={() => run(close, () => model.session.getState().open(r.path))}
                >
                  {r.name}
                </MenuItem>
              ))}
            </>
          ) : null}
          <MenuSeparator />
          <MenuItem icon="imports" onSelect={() => run(close, () => runMenuCommand('imports.import', model))}>
            {t('app.menu.import')}
          </MenuItem>
          {canExport ? (
            <MenuItem icon="download" onSelect={() => run(close, () => runMenuCommand('export', model))}>
              {t('app.menu.export')}
            </MenuItem>
          ) : null}
          <MenuItem icon="presenter" onSelect={() => run(close, () => runMenuCommand('view.presenter', model))}>
            {t('app.menu.presenter')}
          </MenuItem>
          <MenuSeparator />
          <MenuItem icon="x" onSelect={() => run(close, () => model.session.getState().close())}>
            {t('app.menu.close')}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
