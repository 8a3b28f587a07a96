import fs from 'node:fs';
import path from 'node:path';
import type { ContractHandlers } from '../../shared/contract';
import { Workspace } from './workspace';
import { WorkspaceRepository } from './repository';
import { isBackupOf, listBackups } from '../db/backups';
import { acquireLock, lockHolder } from '../db/lock';
import { generateSample } from '../sample/generate';
import type { Runtime } from '../runtime/runtime';
import { AppError } from '../../shared/errors';

export const workspaceHandlers: ContractHandlers<Runtime>['workspace'] = {
  session: (_input, rt) => rt.session(),

  info: (_input, rt) => rt.requireWorkspace().info(),

  open: ({ path: file, readOnly }, rt) => {
    const abs = path.resolve(file);
    if (rt.workspace?.path === abs && !readOnly) return rt.workspace.info();
    return rt.openWorkspace(abs, readOnly ?? false).then((ws) => ws.info());
  },

  create: ({ path: file, ...settings }, rt) => rt.adopt(Workspace.create(file, settings)).info(),

  openSample: ({ path: file, seed, leads, replace, end }, rt) => {
    const target = path.resolve(file ?? rt.samplePath);
    if (fs.existsSync(target) && !replace) return rt.adopt(Workspace.open(target)).info();
    // A file another process writes is never replaced under it (its WAL would go with the old file).
    const busy = () => new AppError('workspace.sampleLocked', { path: target });
    if (lockHolder(target)) throw busy();
    if (rt.workspace?.path === target) rt.closeWorkspace();
    const lock = acquireLock(target);
    if (!lock) throw busy();
    try {
      // Generate beside the target and rename, so a failed generation never leaves half a sample.
      const tmp = `${target}.generating`;
      for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
      const ws = Workspace.create(tmp, { name: path.basename(target).replace(/\..*$/, '') });
      try {
        generateSample(ws, { seed: seed ?? 42, leads: leads ?? 5000, ...(end ? { end } : {}) });
      } finally {
        ws.close();
      }
      for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
      fs.renameSync(tmp, target);
    } finally {
      lock.release();
    }
    return rt.adopt(Workspace.open(target)).info();
  },

  close: (_input, rt) => {
    rt.closeWorkspace();
    return null;
  },

  updateSettings: (patch, rt) => {
    const ws = rt.requireWorkspace();
    const repo = ws.repo(WorkspaceRepository);
    ws.db.transaction(() => {
      for (const [key, value] of Object.entries(patch))
        if (value !== undefined) repo.setSetting(`workspace.${key}`, value);
    })();
    if (patch.name) rt.prefs.touchRecent(ws.path, patch.name);
    return ws.info();
  },

  listBackups: ({ path: file }, rt) => listBackups(file ? path.resolve(file) : rt.requireWorkspace().path),

  restoreBackup: async ({ backupPath, workspacePath }, rt) => {
    const target = path.resolve(workspacePath ?? rt.requireWorkspace().path);
    const source = path.resolve(backupPath);
    // A path that is not one of its backups must not even close the open workspace.
    if (!isBackupOf(target, source)) throw new AppError('workspace.notABackup', { path: source });
    return (await rt.restoreWorkspace(target, source)).info();
  },

  setPreferences: (patch, rt) => {
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const preferences = rt.prefs.setPreferences(clean);
    rt.options.onPreferencesChanged?.(preferences);
    return preferences;
  },

  forgetRecent: ({ path: file }, rt) => {
    rt.prefs.forgetRecent(path.resolve(file));
    return rt.session();
  },
};
