import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { buildClient } from '../../src/shared/contract/define';
import type { SessionState, WorkspaceInfo } from '../../src/shared/domain/types';
import { AppError } from '../../src/shared/errors';
import { createI18n } from '../../src/shared/i18n';
import { createAppModel } from '../../src/renderer/app-model';
import { runMenuCommand } from '../../src/renderer/menu-commands';
import type { HashHost } from '../../src/renderer/state/navigation';

const workspace: WorkspaceInfo = {
  path: '/data/Acme.db',
  name: 'Acme',
  schemaVersion: 1,
  readOnly: false,
  readOnlyReason: null,
  timeZone: 'UTC',
  locale: 'en',
  currency: 'USD',
  createdAt: 0,
  counts: {
    leads: 0,
    stageEvents: 0,
    touches: 0,
    meetings: 0,
    decisions: 0,
    actionItems: 0,
    definitions: 0,
    definitionRevisions: 0,
    importBatches: 0,
  },
  firstEventAt: null,
  lastEventAt: null,
  stages: [],
};

function session(open: boolean): SessionState {
  return {
    workspace: open ? workspace : null,
    recent: [],
    preferences: { theme: 'system', locale: null, userName: '' },
    appVersion: '1.0.0',
    host: 'browser',
    samplePath: '/data/Sample workspace.db',
  };
}

function hashHost(): HashHost {
  const location = { hash: '#/review' };
  return {
    location,
    history: {
      state: null,
      pushState: (_d, _u, url) => void (location.hash = String(url)),
      replaceState: (_d, _u, url) => void (location.hash = String(url)),
    },
    addEventListener: () => undefined,
  };
}

/** An answer: a value, an AppError to throw, or a function of the input. */
type Answer = unknown;

/** A model over a scripted API: each wire answers from `answers`. */
async function modelWith(answers: Record<string, Answer>, open = true) {
  const calls: { wire: string; input: unknown }[] = [];
  const api = buildClient(contract, async (wire, input) => {
    calls.push({ wire, input });
    const scripted = wire in answers ? answers[wire] : wire === 'workspace.session' ? session(open) : null;
    const answer: unknown = typeof scripted === 'function' ? await scripted(input) : scripted;
    if (answer instanceof AppError) throw answer;
    return answer;
  });
  const transport = {
    api,
    download: async () => undefined,
    upload: async () => ({ id: '', name: '', sizeBytes: 0, mime: '' }),
  };
  const model = createAppModel(transport, createI18n('en'), hashHost());
  await model.session.getState().load();
  calls.length = 0;
  return { model, calls };
}

describe('menu commands', () => {
  it('asks for a path in the app when there is no native dialog (browser mode)', async () => {
    const { model } = await modelWith({ 'desktop.pickWorkspace': new AppError('desktop.notAvailable') });
    await runMenuCommand('workspace.open', model);
    expect(model.ui.getState().dialog).toEqual({ kind: 'openWorkspace' });
    await runMenuCommand('workspace.new', model);
    expect(model.ui.getState().dialog).toEqual({ kind: 'newWorkspace' });
  });

  it('opens the file the native dialog chose, and does nothing when it was cancelled', async () => {
    const { model, calls } = await modelWith({ 'desktop.pickWorkspace': '/data/Other.db', 'workspace.open': {} });
    await runMenuCommand('workspace.open', model);
    expect(calls.map((c) => c.wire)).toEqual(['desktop.pickWorkspace', 'workspace.open', 'workspace.session']);
    expect(calls[1]!.input).toEqual({ path: '/data/Other.db' });

    const cancelled = await modelWith({ 'desktop.pickWorkspace': null });
    await runMenuCommand('workspace.open', cancelled.model);
    expect(cancelled.calls.map((c) => c.wire)).toEqual(['desktop.pickWorkspace']);
    expect(cancelled.model.ui.getState().dialog).toBeNull();
  });

  it('shows a failure from a menu action in a dialog, as data the dialog translates', async () => {
    const { model } = await modelWith({
      'workspace.openSample': new AppError('workspace.folderMissing', { path: '/nope' }),
    });
    await runMenuCommand('workspace.sample', model);
    expect(model.ui.getState().dialog).toMatchObject({
      kind: 'failure',
      error: { code: 'workspace.folderMissing', params: { path: '/nope' } },
    });
  });

  it('takes Import to the imports section and hands the command to its screen once it mounts', async () => {
    const { model } = await modelWith({});
    await runMenuCommand('imports.import', model);
    expect(model.navigation.getState().section).toBe('imports');
    let ran = 0;
    model.screenCommands.getState().register('imports.import', () => (ran += 1));
    expect(ran).toBe(1);
    expect(model.screenCommands.getState().pending).toBeNull();
  });

  it('drops a waiting command when the user goes elsewhere first', async () => {
    const { model } = await modelWith({});
    await runMenuCommand('imports.import', model);
    model.navigation.getState().navigate('funnel');
    let ran = 0;
    model.screenCommands.getState().register('imports.import', () => (ran += 1));
    expect(ran).toBe(0);
  });

  it('runs Export on the screen that offers it, and says so when none does', async () => {
    const { model } = await modelWith({});
    await runMenuCommand('export', model);
    expect(model.ui.getState().notices.map((n) => ('key' in n ? n.key : ''))).toEqual(['app.notice.nothingToExport']);
    let exported = 0;
    const unregister = model.screenCommands.getState().register('export', () => (exported += 1));
    await runMenuCommand('export', model);
    expect(exported).toBe(1);
    unregister();
    expect(model.screenCommands.getState().handlers.export).toBeUndefined();
  });

  it('toggles presenter mode and opens About', async () => {
    const { model } = await modelWith({});
    await runMenuCommand('view.presenter', model);
    expect(model.ui.getState().presenter).toBe(true);
    await runMenuCommand('view.presenter', model);
    expect(model.ui.getState().presenter).toBe(false);
    await runMenuCommand('help.about', model);
    expect(model.ui.getState().dialog).toEqual({ kind: 'about' });
  });

  it('asks for a workspace before commands that need one', async () => {
    const { model } = await modelWith({}, false);
    await runMenuCommand('imports.import', model);
    await runMenuCommand('view.presenter', model);
    expect(model.navigation.getState().section).toBe('review');
    expect(model.ui.getState().presenter).toBe(false);
    expect(model.ui.getState().notices.map((n) => ('key' in n ? n.key : ''))).toEqual([
      'app.notice.openWorkspaceFirst',
      'app.notice.openWorkspaceFirst',
    ]);
  });
});

describe('session store', () => {
  it('refuses a second workspace action while one runs, and frees itself after a failure', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { model } = await modelWith({
      'workspace.openSample': async () => {
        await slow;
        return new AppError('internal', { detail: 'boom' });
      },
    });
    const first = model.session.getState().openSample();
    expect(model.session.getState().busy).toBe('sample');
    await expect(model.session.getState().open('/data/B.db')).rejects.toMatchObject({ code: 'renderer.busy' });
    release();
    await expect(first).rejects.toMatchObject({ code: 'internal' });
    expect(model.session.getState().busy).toBeNull();
  });

  it('keeps the recent list current after opening a workspace', async () => {
    const recent = [{ path: '/data/B.db', name: 'B', openedAt: 1, exists: true }];
    let opened = false;
    const { model } = await modelWith({
      'workspace.open': () => void (opened = true),
      'workspace.session': () => ({ ...session(true), recent: opened ? recent : [] }),
    });
    expect(model.session.getState().session?.recent).toEqual([]);
    await model.session.getState().open('/data/B.db');
    expect(model.session.getState().session?.recent).toEqual(recent);
  });
});
