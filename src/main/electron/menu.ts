import type { MenuItemConstructorOptions } from 'electron';
import type { TFunction } from '../../shared/i18n';
import type { MenuCommand } from '../../shared/app/contract';

/** The native menu, translated; commands that concern the page go to it as `app.events`. */
export function menuTemplate(
  t: TFunction,
  send: (command: MenuCommand) => void,
  openDataFolder: () => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: t(label),
    ...(accelerator ? { accelerator } : {}),
    click: () => send(command),
  });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        item('menu.newWorkspace', 'workspace.new', 'CmdOrCtrl+N'),
        item('menu.openWorkspace', 'workspace.open', 'CmdOrCtrl+O'),
        item('menu.openSample', 'workspace.sample'),
        { type: 'separator' },
        item('menu.importLeads', 'imports.import', 'CmdOrCtrl+I'),
        item('menu.export', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    },
    { label: t('menu.edit'), role: 'editMenu' },
    {
      label: t('menu.view'),
      submenu: [
        item('menu.presenter', 'view.presenter', 'F5'),
        { type: 'separator' },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullScreen') },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [item('menu.about', 'help.about'), { label: t('menu.openDataFolder'), click: openDataFolder }],
    },
  ];
}
