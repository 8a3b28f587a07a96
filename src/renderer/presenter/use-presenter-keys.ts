import { useEffect, useRef } from 'react';
import { presenterCommand, type PresenterCommand } from './keys';

export interface PresenterKeysOptions {
  readonly enabled: boolean;
  readonly stepCount: number;
  readonly current: number;
  readonly helpOpen: boolean;
  readonly run: (command: PresenterCommand) => void;
}

/** Whether a key press belongs to something else: typing in a field, or a dialog on top. */
function belongsElsewhere(event: KeyboardEvent): boolean {
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (target.isContentEditable) return true;
    if (target.closest('input, textarea, select, dialog[open]')) return true;
  }
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Presenter mode's keyboard: listens before the page (capture) so a handled key does nothing else,
 * and the frame's own Escape (leave presenter mode) does not also fire while a dialog or the help
 * closes. Keys meant for a field or a dialog are left alone.
 */
export function usePresenterKeys(options: PresenterKeysOptions): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  useEffect(() => {
    if (!options.enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const o = latest.current;
      if (belongsElsewhere(event)) {
        // Escape closes the dialog (or leaves the field); it must not also leave presenter mode.
        if (event.key === 'Escape') event.stopPropagation();
        return;
      }
      const command = presenterCommand(event, { stepCount: o.stepCount, current: o.current, helpOpen: o.helpOpen });
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      o.run(command);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [options.enabled]);
}
