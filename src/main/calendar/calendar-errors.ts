import { NoWorkingTimeError } from '../../shared/calendar/business-hours';
import { AppError } from '../../shared/errors';

function translated(e: unknown): unknown {
  // From inside SQL, or from a report thread, the error arrives as a plain Error with its name.
  if (e instanceof NoWorkingTimeError || (e instanceof Error && e.name === 'NoWorkingTimeError'))
    return new AppError('calendar.noWorkingTime');
  return e;
}

/**
 * Figures that count business hours fail on a calendar without working time: give that its
 * message, whether `run` throws or returns a promise that rejects.
 */
export function withCalendar<T>(run: () => T): T {
  try {
    const value = run();
    if (value instanceof Promise)
      return value.catch((e: unknown) => {
        throw translated(e);
      }) as T;
    return value;
  } catch (e) {
    throw translated(e);
  }
}
