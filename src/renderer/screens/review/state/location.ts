import { useCallback, useEffect, useState } from 'react';
import { hashParams, withHashParams } from '../../../analysis/scope';

/**
 * The meeting on screen lives in the address (`#/review?meeting=12`), so a reload during the
 * meeting, or Back from it, lands where the user was. Opening a meeting is a navigation (Back
 * returns to the list); nothing else is kept there.
 */
export function meetingFromHash(hash: string): number | null {
  const raw = hashParams(hash).get('meeting');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function hashWithMeeting(hash: string, id: number | null): string {
  const params = hashParams(hash);
  if (id === null) params.delete('meeting');
  else params.set('meeting', String(id));
  return withHashParams(hash, params);
}

export function useOpenMeeting(): readonly [number | null, (id: number | null) => void] {
  const [id, setId] = useState(() => meetingFromHash(window.location.hash));
  useEffect(() => {
    const read = () => setId(meetingFromHash(window.location.hash));
    window.addEventListener('hashchange', read);
    window.addEventListener('popstate', read);
    return () => {
      window.removeEventListener('hashchange', read);
      window.removeEventListener('popstate', read);
    };
  }, []);
  const open = useCallback((next: number | null) => {
    const hash = hashWithMeeting(window.location.hash, next);
    if (hash !== window.location.hash) window.history.pushState(window.history.state, '', hash);
    setId(next);
  }, []);
  return [id, open] as const;
}
