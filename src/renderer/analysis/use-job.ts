import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiErrorPayload } from '../../shared/errors';
import type { JobStatus } from '../../shared/jobs/types';
import { useApi } from '../app-context';
import { asAppError } from '../transport/envelope';

const POLL_MS = 300;

export interface JobRun<R> {
  readonly status: JobStatus<R> | null;
  readonly error: ApiErrorPayload | null;
  /**
   * Starts the job (its start call returns the first status) and follows it until it ends. A
   * later `start` takes over: this one then stops following and resolves with null.
   */
  start(begin: () => Promise<JobStatus<R>>): Promise<JobStatus<R> | null>;
  /** Cancels the job followed now, if it still runs. */
  cancel(): void;
}

/** Runs a long job (an export, a meeting's start, a preview) and polls its progress with `jobs.get`; resolves with its final status. */
export function useJob<R>(): JobRun<R> {
  const api = useApi();
  const [status, setStatus] = useState<JobStatus<R> | null>(null);
  const [error, setError] = useState<ApiErrorPayload | null>(null);
  const alive = useRef(true);
  const followed = useRef<{ run: number; status: JobStatus<R> | null }>({ run: 0, status: null });
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(
    async (begin: () => Promise<JobStatus<R>>) => {
      const run = ++followed.current.run;
      followed.current.status = null;
      const current = () => alive.current && followed.current.run === run;
      const show = (s: JobStatus<R>) => {
        followed.current.status = s;
        setStatus(s);
      };
      setError(null);
      try {
        let s = await begin();
        if (!current()) return null;
        show(s);
        while (s.state === 'running') {
          await new Promise((r) => setTimeout(r, POLL_MS));
          if (!current()) return null;
          // The registry stores results of any type; this job's result is R by its contract.
          s = (await api.jobs.get({ id: s.id })) as JobStatus<R>;
          if (!current()) return null;
          show(s);
        }
        return s;
      } catch (e) {
        if (current()) setError(asAppError(e).toPayload());
        return null;
      }
    },
    [api],
  );

  const cancel = useCallback(() => {
    const s = followed.current.status;
    if (s?.state === 'running') void api.jobs.cancel({ id: s.id }).catch(() => undefined);
  }, [api]);

  return { status, error, start, cancel };
}
