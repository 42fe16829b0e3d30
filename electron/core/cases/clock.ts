import { todayIn } from './calendar-date';

/** Injected wherever "now" matters (deadlines, retention), so tests can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at noon Oslo time on `date`, for tests and for back-dated entries. */
export function fixedClock(date: string): Clock {
  return { now: () => new Date(`${date}T12:00:00+01:00`) };
}

export function today(clock: Clock): string {
  return todayIn(clock.now());
}
