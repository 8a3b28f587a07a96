import { useId, useRef, useState, type DragEvent } from 'react';
import type { FileRef } from '../../shared/domain/types';
import { useApi, useSession, useTransport } from '../app-context';
import { asAppError } from '../transport/envelope';
import type { ApiErrorPayload } from '../../shared/errors';
import { Button } from './Button';
import { Icon } from './Icon';

export interface FileDropProps {
  /** Extensions accepted, without the dot. */
  readonly extensions: readonly string[];
  /** What to drop, e.g. "Drop a PDF here". */
  readonly prompt: string;
  readonly chooseLabel: string;
  /** Title of the desktop app's open dialog. */
  readonly dialogTitle: string;
  readonly hint?: string;
  readonly compact?: boolean;
  readonly disabled?: boolean;
  readonly onFile: (ref: FileRef) => void;
  readonly onError: (error: ApiErrorPayload) => void;
  readonly testId?: string;
}

/**
 * Opening a file by drag-and-drop or by choosing it. The desktop app's native dialog hands the
 * services the file's path (no copy); a browser's file input and every drop send the bytes through
 * the transport's upload. Either way the caller gets a file reference the API accepts.
 */
export function FileDrop({
  extensions,
  prompt,
  chooseLabel,
  dialogTitle,
  hint,
  compact,
  disabled,
  onFile,
  onError,
  testId,
}: FileDropProps) {
  const api = useApi();
  const transport = useTransport();
  const desktop = useSession((s) => s.session?.host === 'electron');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  const receive = async (work: () => Promise<FileRef | null>) => {
    setBusy(true);
    try {
      const ref = await work();
      if (ref) onFile(ref);
    } catch (e) {
      onError(asAppError(e).toPayload());
    } finally {
      setBusy(false);
    }
  };

  const choose = () => {
    if (desktop) void receive(() => api.desktop.pickFile({ extensions: [...extensions], title: dialogTitle }));
    else {
      const el = input.current;
      if (!el) return;
      el.value = '';
      el.click();
    }
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled && !busy) void receive(() => transport.upload(file));
  };

  return (
    <div
      className={['file-drop', compact ? 'file-drop-compact' : '', over ? 'file-drop-over' : '']
        .filter(Boolean)
        .join(' ')}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={testId}
    >
      <Icon name="imports" className="file-drop-icon" />
      <div className="file-drop-text">
        <span className="file-drop-prompt">{prompt}</span>
        {hint ? (
          <span id={hintId} className="file-drop-hint">
            {hint}
          </span>
        ) : null}
      </div>
      <Button
        icon="folderOpen"
        onClick={choose}
        busy={busy}
        disabled={disabled}
        aria-describedby={hint ? hintId : undefined}
      >
        {chooseLabel}
      </Button>
      <input
        ref={input}
        type="file"
        hidden
        accept={extensions.map((e) => `.${e}`).join(',')}
        data-testid={testId ? `${testId}-input` : undefined}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) void receive(() => transport.upload(file));
        }}
      />
    </div>
  );
}
