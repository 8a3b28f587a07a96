import type { MenuCommand } from '../shared/app/contract';
import type { AppModel } from './app-model';
import { chooseAndCreateWorkspace, chooseAndOpenWorkspace, reportFailures } from './workspace-actions';

/**
 * One place that carries out a menu command, whether it came from the native menu (as a host
 * event) or from the app's own workspace menu in browser mode.
 */
export function runMenuCommand(command: MenuCommand, model: AppModel): Promise<void> {
  const ui = model.ui.getState();
  const hasWorkspace = model.session.getState().session?.workspace != null;
  switch (command) {
    case 'workspace.new':
      return reportFailures(model, () =>
        chooseAndCreateWorkspace(model, `${model.i18n.t('app.newWorkspace.defaultName')}.db`),
      );
    case 'workspace.open':
      return reportFailures(model, () => chooseAndOpenWorkspace(model));
    case 'workspace.sample':
      return reportFailures(model, () => model.session.getState().openSample());
    case 'imports.import':
      if (!hasWorkspace) return Promise.resolve(ui.notify('app.notice.openWorkspaceFirst'));
      model.navigation.getState().navigate('imports');
      model.screenCommands.getState().deliver('imports.import', true);
      return Promise.resolve();
    case 'export':
      if (!model.screenCommands.getState().deliver('export', false)) ui.notify('app.notice.nothingToExport');
      return Promise.resolve();
    case 'view.presenter':
      if (hasWorkspace) ui.setPresenter(!model.ui.getState().presenter);
      else ui.notify('app.notice.openWorkspaceFirst');
      return Promise.resolve();
    case 'help.about':
      ui.openDialog({ kind: 'about' });
      return Promise.resolve();
  }
}
