import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../app-context';
import type { SessionBusy } from '../state/session';
import { FileJobProgress } from './FileJobProgress';

/** Session changes that check a whole workspace file first: seconds on a large one, more from a slow disk. */
const CHECKING = ['open', 'restore'] as const satisfies readonly SessionBusy[];
type Checking = (typeof CHECKING)[number];

const isChecking = (busy: SessionBusy): busy is Checking => CHECKING.some((c) => c === busy);

/** Shown after a moment, so a quick open does not flash it. */
const DELAY_MS = 400;

/**
 * Says what the app is doing while it opens a workspace or restores a backup, wherever that was
 * asked from (start screen, recent list, File menu): the button that asked may be out of sight.
 */
export function SessionBusyStatus() {
  const { t } = useTranslation();
  const busy = useSession((s) => s.busy);
  const [shown, setShown] = useState<Checking | null>(null);
  useEffect(() => {
    if (!isChecking(busy)) {
      setShown(null);
      return;
    }
    const timer = setTimeout(() => setShown(busy), DELAY_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  if (shown === null) return null;
  return (
    <div className="session-busy" role="status">
      <span className="spinner" aria-hidden />
      <span>{t(`app.busy.${shown}`)}</span>
      <FileJobProgress kind={`workspace.${shown}`} />
    </div>
  );
}
