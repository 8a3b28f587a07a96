import { NoWorkingTimeError } from '../../shared/calendar/business-hours';
import { AppError } from '../../shared/errors';

/** Figures that count business hours fail inside SQL on a calendar without working time: give that its message. */
export function withCalendar<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof NoWorkingTimeError || (e instanceof Error && e.name === 'NoWorkingTimeError'))
      throw new AppError('calendar.noWorkingTime');
    throw e;
  }
}
