import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../shared/errors';
import type { JobStatus } from '../../shared/jobs/types';
import { useApi } from '../app-context';
import { asAppError } from '../transport/envelope';

const POLL_MS = 300;

export interface JobRun<R> {
  readonly status: JobStatus<R> | null;
  readonly error: ApiErrorPayload | null;
  /** Starts the job (its start call returns the first status) and follows it until it ends. */
  start(begin: () => Promise<JobStatus<R>>): Promise<JobStatus<R> | null>;
  cancel(): void;
}

/** Runs a long job (an export, a meeting's start) and polls its progress with `jobs.get`; resolves with its final status. */
export function useJob<R>(): JobRun<R> {
  const api = useApi();
  const [status, setStatus] = useState<JobStatus<R> | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(
    async (begin: () => Promise<JobStatus<R>>) => {
      setError(null);
      try {
        let s = await begin();
        setStatus(s);
        while (s.state === 'running' && alive.current) {
          await new Promise((r) => setTimeout(r, POLL_MS));
          // The registry stores results of any type; this job's result is R by its contract.
          s = (await api.jobs.get({ id: s.id })) as JobStatus<R>;
          if (alive.current) setStatus(s);
        }
        return s;
      } catch (e) {
        if (alive.current) setError(asAppError(e).toPayload());
        return null;
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    if (status?.state === 'running') void api.jobs.cancel({ id: status.id }).catch(() => undefined);
  }, [api, status]);

  return { status, error, start, cancel };
}
