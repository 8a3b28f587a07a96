import { useCallback, useEffect, useState } from 'react';
import type { FileRef } from '../../../../shared/domain/types';
import type { ApiErrorPayload } from '../../../../shared/errors';
import type { SpendImportResult, SpendRow } from '../../../../shared/metrics/contract';
import { useApi, useTransport } from '../../../app-context';
import { asAppError } from '../../../transport/envelope';

export interface SpendImport {
  readonly phase: 'idle' | 'sending' | 'importing';
  readonly fileName: string | null;
  readonly sent: number;
  readonly size: number;
  readonly result: SpendImportResult | null;
  readonly error: ApiErrorPayload | null;
  /** What is stored, by month and channel; null until read. */
  readonly stored: readonly SpendRow[] | null;
  importFile(file: File): void;
  importRef(ref: FileRef): void;
}

/** The marketing-spend upload: send the CSV, import it (all rows or none), then read what is stored. */
export function useSpendImport(): SpendImport {
  const api = useApi();
  const transport = useTransport();
  const [phase, setPhase] = useState<SpendImport['phase']>('idle');
  const [fileName, setFileName] = useState<string | null>(null);
  const [sent, setSent] = useState(0);
  const [size, setSize] = useState(0);
  const [result, setResult] = useState<SpendImportResult | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const [stored, setStored] = useState<readonly SpendRow[] | null>(null);

  const reload = useCallback(() => {
    api.metrics.spend({}).then(setStored, (e: unknown) => setError(asAppError(e).toPayload()));
  }, [api]);
  useEffect(reload, [reload]);

  const importRef = useCallback(
    (ref: FileRef) => {
      setFileName(ref.name);
      setPhase('importing');
      api.metrics
        .importSpend({ fileId: ref.id })
        .then(
          (r) => {
            setResult(r);
            reload();
          },
          (e: unknown) => setError(asAppError(e).toPayload()),
        )
        .finally(() => setPhase('idle'));
    },
    [api, reload],
  );

  const importFile = useCallback(
    (file: File) => {
      setFileName(file.name);
      setResult(null);
      setError(null);
      setSent(0);
      setSize(file.size);
      setPhase('sending');
      transport
        .upload(file, (s, total) => {
          setSent(s);
          setSize(total);
        })
        .then(importRef, (e: unknown) => {
          setError(asAppError(e).toPayload());
          setPhase('idle');
        });
    },
    [api, importRef],
  );

  return {
    phase,
    fileName,
    sent,
    size,
    result,
    error,
    stored,
    importFile,
    importRef: (ref) => {
      setResult(null);
      setError(null);
      importRef(ref);
    },
  };
}
