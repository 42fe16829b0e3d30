import { AppError } from '../../../shared/errors';

/**
 * Calendar dates as plain year/month/day numbers. Deadlines are counted in days (Reg.
 * 1182/71), so no time of day or time zone ever enters the arithmetic: a `Date` is used
 * only through its UTC fields, where there is no daylight-saving shift to trip over.
 */
export interface Ymd {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function parseDate(text: string): Ymd {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const ymd = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
  if (!ymd || ymd.month < 1 || ymd.month > 12 || ymd.day < 1 || ymd.day > daysInMonth(ymd.year, ymd.month)) {
    throw new AppError('INVALID_INPUT', `"${text}" is not a valid date; write it as YYYY-MM-DD, e.g. 2026-03-03.`);
  }
  return ymd;
}

export function formatDate(d: Ymd): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01; lets dates be compared and subtracted as integers. */
export function dayNumber(d: Ymd): number {
  return Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;
}

export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addDays(d: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(d) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: Ymd): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/**
 * Reg. 1182/71 Art. 3(2)(c): a period in months ends on the day of the last month with the
 * same date as the day the period started from; if that month has no such date, on the
 * month's last day (31 January + 1 month = 28/29 February).
 */
export function addMonths(d: Ymd, months: number): Ymd {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(parseDate(to)) - dayNumber(parseDate(from));
}

/**
 * Today's date where the DPO works. A request that arrives at 00:30 on 1 March in Oslo
 * arrived on 1 March, even though it is still 28 February in UTC.
 */
export function todayIn(now: Date, timeZone = 'Europe/Oslo'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
