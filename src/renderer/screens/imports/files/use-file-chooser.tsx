import { useCallback, useRef, type ReactNode } from 'react';
import type { FileRef } from '../../../../shared/domain/types';
import { AppError } from '../../../../shared/errors';
import { useApi, useApp } from '../../../app-context';
import { asAppError } from '../../../transport/envelope';

export interface FileChooser {
  /** Opens the native dialog in the desktop app, the browser's file picker otherwise. */
  open(): void;
  /** The hidden file input the browser picker needs; render it once. */
  readonly input: ReactNode;
}

/**
 * Choosing files: the desktop host's dialog registers the file where the services can read it (no
 * upload); browser mode answers `desktop.notAvailable` once, and from then on the page's own file
 * input is used. Deciding on the answer, not on the host, keeps one code path.
 */
export function useFileChooser(
  extensions: readonly string[],
  title: string,
  multiple: boolean,
  onFiles: (files: File[]) => void,
  onRefs: (refs: FileRef[]) => void,
): FileChooser {
  const api = useApi();
  const model = useApp();
  const inputRef = useRef<HTMLInputElement>(null);
  const native = useRef<boolean | null>(null);

  const openInput = useCallback(() => {
    const input = inputRef.current;
    if (!input) return;
    input.value = '';
    input.click();
  }, []);

  const open = useCallback(() => {
    if (native.current === false) return openInput();
    api.desktop.pickFile({ extensions: [...extensions], title }).then(
      (ref) => {
        native.current = true;
        if (ref) onRefs([ref]);
      },
      (e: unknown) => {
        if (e instanceof AppError && e.code === 'desktop.notAvailable') {
          native.current = false;
          openInput();
        } else {
          model.ui.getState().notifyError(asAppError(e).toPayload());
        }
      },
    );
  }, [api, model, extensions, title, onRefs, openInput]);

  const input = (
    <input
      ref={inputRef}
      type="file"
      hidden
      multiple={multiple}
      accept={extensions.map((e) => `.${e}`).join(',')}
      data-testid={multiple ? 'import-file-input' : 'spend-file-input'}
      onChange={(event) => {
        const files = Array.from(event.currentTarget.files ?? []);
        if (files.length > 0) onFiles(files);
      }}
    />
  );
  return { open, input };
}
