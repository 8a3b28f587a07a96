import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorPayload } from '../../shared/errors';
import { useApp, useSession } from '../app-context';
import { asAppError } from '../transport/envelope';
import { folderOf, separatorOf } from '../workspace-actions';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { FileJobProgress } from './FileJobProgress';
import { WorkspaceFailure } from './WorkspaceFailure';

/** The contract accepts absolute paths only (POSIX, drive letter or UNC). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** Characters no file system accepts in a file name; the name field proposes the file name. */
const fileSafe = (name: string): string =>
  [...name]
    .filter((ch) => ch.charCodeAt(0) >= 32 && !'<>:"/\\|?*'.includes(ch))
    .join('')
    .trim();

function usePathAction(work: () => Promise<unknown>, onDone: () => void) {
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await work();
      onDone();
    } catch (e) {
      setError(asAppError(e).toPayload());
    }
  };
  return { error, setError, submit };
}

/** New workspace where the host has no native save dialog (browser mode): name and full path. */
export function NewWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const model = useApp();
  const samplePath = useSession((s) => s.session?.samplePath ?? '');
  const busy = useSession((s) => s.busy === 'create');
  const folder = folderOf(samplePath);
  const sep = separatorOf(samplePath);
  const [name, setName] = useState(() => t('app.newWorkspace.defaultName'));
  const [path, setPath] = useState(() => `${folder}${sep}${fileSafe(t('app.newWorkspace.defaultName'))}.db`);
  const [pathEdited, setPathEdited] = useState(false);
  const [pathProblem, setPathProblem] = useState(false);
  const action = usePathAction(() => model.session.getState().create(path.trim(), name.trim() || undefined), onClose);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const absolute = isAbsolutePath(path.trim());
    setPathProblem(!absolute);
    if (absolute) void action.submit();
  };

  return (
    <Dialog
      title={t('app.newWorkspace.title')}
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form="new-workspace-form" busy={busy}>
            {t('app.newWorkspace.create')}
          </Button>
        </>
      }
    >
      <form id="new-workspace-form" className="form" onSubmit={onSubmit}>
        <p className="muted">{t('app.newWorkspace.explain')}</p>
        <Field label={t('app.newWorkspace.name')}>
          <input
            className="input"
            value={name}
            maxLength={120}
            required
            autoFocus
            onChange={(event) => {
              setName(event.target.value);
              if (!pathEdited) setPath(`${folder}${sep}${fileSafe(event.target.value) || 'Workspace'}.db`);
            }}
          />
        </Field>
        <Field label={t('app.pathDialog.file')} hint={pathProblem ? undefined : t('app.pathDialog.hint')}>
          <input
            className="input mono"
            value={path}
            required
            spellCheck={false}
            aria-invalid={pathProblem || undefined}
            onChange={(event) => {
              setPath(event.target.value);
              setPathEdited(true);
            }}
          />
        </Field>
        {pathProblem ? <p className="field-error">{t('app.pathDialog.absolute')}</p> : null}
        {action.error ? <WorkspaceFailure error={action.error} onRestored={onClose} /> : null}
      </form>
    </Dialog>
  );
}

/** Open a workspace by path where the host has no native open dialog (browser mode). */
export function OpenWorkspaceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const model = useApp();
  const busy = useSession((s) => s.busy === 'open');
  const [path, setPath] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [pathProblem, setPathProblem] = useState(false);
  const action = usePathAction(() => model.session.getState().open(path.trim(), readOnly), onClose);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const absolute = isAbsolutePath(path.trim());
    setPathProblem(!absolute);
    if (absolute) void action.submit();
  };

  return (
    <Dialog
      title={t('app.openWorkspace.title')}
      onClose={onClose}
      footer={
        <>
          {/* While the open runs, its progress line has the Cancel that stops it; this one would only hide it. */}
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button variant="primary" type="submit" form="open-workspace-form" busy={busy}>
            {t('app.openWorkspace.open')}
          </Button>
        </>
      }
    >
      <form id="open-workspace-form" className="form" onSubmit={onSubmit}>
        <p className="muted">{t('app.openWorkspace.explain')}</p>
        <Field label={t('app.pathDialog.file')} hint={pathProblem ? undefined : t('app.pathDialog.hint')}>
          <input
            className="input mono"
            value={path}
            required
            autoFocus
            spellCheck={false}
            placeholder={t('app.openWorkspace.placeholder')}
            aria-invalid={pathProblem || undefined}
            onChange={(event) => setPath(event.target.value)}
          />
        </Field>
        {pathProblem ? <p className="field-error">{t('app.pathDialog.absolute')}</p> : null}
        <label className="checkbox">
          <input type="checkbox" checked={readOnly} onChange={(event) => setReadOnly(event.target.checked)} />
          <span>{t('app.openWorkspace.readOnly')}</span>
        </label>
        {busy ? <FileJobProgress kind="workspace.open" /> : null}
        {action.error ? <WorkspaceFailure error={action.error} onRestored={onClose} /> : null}
      </form>
    </Dialog>
  );
}
