import { addDays, formatDate, weekday, type Ymd } from './calendar-date';

/**
 * Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
 * Computed, not tabled, so the deadline rules keep working for any year.
 */
export function easterSunday(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

export interface Holiday {
  date: string;
  name: string;
}

/** Norwegian public holidays (helligdager og høytidsdager, lov om 1. og 17. mai). */
export function norwegianHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const rel = (days: number, name: string): Holiday => ({ date: formatDate(addDays(easter, days)), name });
  const fixed = (month: number, day: number, name: string): Holiday => ({ date: formatDate({ year, month, day }), name });
  return [
    fixed(1, 1, 'New Year’s Day'),
    rel(-3, 'Maundy Thursday'),
    rel(-2, 'Good Friday'),
    rel(0, 'Easter Sunday'),
    rel(1, 'Easter Monday'),
    fixed(5, 1, 'Labour Day'),
    fixed(5, 17, 'Constitution Day'),
    rel(39, 'Ascension Day'),
    rel(49, 'Whit Sunday'),
    rel(50, 'Whit Monday'),
    fixed(12, 25, 'Christmas Day'),
    fixed(12, 26, 'Boxing Day'),
  ].sort((x, y) => x.date.localeCompare(y.date));
}

const cache = new Map<number, Set<string>>();

export function isNorwegianHoliday(d: Ymd): boolean {
  let set = cache.get(d.year);
  if (!set) {
    set = new Set(norwegianHolidays(d.year).map((h) => h.date));
    cache.set(d.year, set);
  }
  return set.has(formatDate(d));
}

export function isWorkingDay(d: Ymd): boolean {
  const w = weekday(d);
  return w !== 0 && w !== 6 && !isNorwegianHoliday(d);
}

/** Reg. 1182/71 Art. 3(4): a period ending on a Saturday, Sunday or holiday ends on the next working day. */
export function nextWorkingDay(d: Ymd): Ymd {
  let day = d;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}
