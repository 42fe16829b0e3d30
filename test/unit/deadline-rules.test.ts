import { describe, expect, it } from 'vitest';
import { addMonths, formatDate, parseDate, todayIn } from '../../electron/core/cases/calendar-date';
import { extendedDeadline, extensionWarning, firstDeadline } from '../../electron/core/cases/deadline';
import { easterSunday, norwegianHolidays } from '../../electron/core/cases/holidays';

describe('Easter and the Norwegian public holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible Easter
    [2285, '2285-03-22'], // the earliest possible Easter
  ])('Easter Sunday %i is %s (computed, not tabled)', (year, date) => {
    expect(formatDate(easterSunday(year))).toBe(date);
  });

  it('lists the twelve holidays of 2026 with the movable ones in place', () => {
    expect(norwegianHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-02', // Maundy Thursday
      '2026-04-03', // Good Friday
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14', // Ascension Day
      '2026-05-17',
      '2026-05-24', // Whit Sunday
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
  });
});

describe('counting a month (Reg. 1182/71 Art. 3)', () => {
  it('ends on the same date, or the last day of a shorter month', () => {
    expect(formatDate(addMonths(parseDate('2026-01-31'), 1))).toBe('2026-02-28');
    expect(formatDate(addMonths(parseDate('2028-01-31'), 1))).toBe('2028-02-29');
    expect(formatDate(addMonths(parseDate('2026-03-31'), 1))).toBe('2026-04-30');
    expect(formatDate(addMonths(parseDate('2026-11-30'), 3))).toBe('2027-02-28');
    expect(formatDate(addMonths(parseDate('2026-12-15'), 1))).toBe('2027-01-15');
  });

  it('rejects dates that do not exist', () => {
    expect(() => parseDate('2026-02-29')).toThrow(/not a valid date/);
    expect(() => parseDate('2026-13-01')).toThrow(/YYYY-MM-DD/);
    expect(() => parseDate('31.01.2026')).toThrow(/YYYY-MM-DD/);
  });
});

describe('the Art. 12(3) deadline, moved to a working day', () => {
  it.each([
    ['2026-01-31', '2026-03-02', '28 Feb is a Saturday → Monday 2 March'],
    ['2026-03-03', '2026-04-07', '3 April is Good Friday; then Saturday, Easter Sunday and Easter Monday'],
    ['2026-04-17', '2026-05-18', '17 May is a holiday and a Sunday'],
    ['2026-11-25', '2026-12-28', '25 Dec (Friday), 26 Dec (Saturday), Sunday'],
    ['2026-04-14', '2026-05-15', '14 May is Ascension Day'],
    ['2026-04-24', '2026-05-26', '24 May Whit Sunday, 25 May Whit Monday'],
    ['2025-12-01', '2026-01-02', '1 January'],
    ['2026-03-30', '2026-04-30', 'an ordinary Thursday'],
    ['2027-02-26', '2027-03-30', '2027: Good Friday 26 March, Easter Monday 29 March'],
  ])('received %s → due %s (%s)', (received, due) => {
    expect(firstDeadline(received)).toBe(due);
  });

  it.each([
    ['2026-01-31', '2026-04-30'], // 30 April, a Thursday
    ['2026-02-17', '2026-05-18'], // 17 May (Sunday) → Monday 18 May
    ['2026-02-14', '2026-05-15'], // 14 May is Ascension Day
    ['2026-09-25', '2026-12-28'], // Christmas Day, Boxing Day, Sunday
    ['2026-11-25', '2027-02-25'],
    ['2025-11-30', '2026-03-02'], // 28 Feb 2026 (Saturday; no 30 Feb) → Monday
  ])('extended: received %s → due %s (three months)', (received, due) => {
    expect(extendedDeadline(received)).toBe(due);
  });

  it('warns when the extension was not told within the first month', () => {
    expect(extensionWarning('2026-03-03', '2026-04-07')).toBeUndefined(); // the last day of the moved month is still in time
    expect(extensionWarning('2026-03-03', '2026-04-08')).toMatch(/after the first month ended \(2026-04-07\)/);
    expect(extensionWarning('2026-03-03', null)).toMatch(/not been told.*by 2026-04-07/);
  });
});

describe('today where the DPO works', () => {
  it('uses the Oslo calendar date, not UTC', () => {
    // 23:30 UTC on 28 Feb is already 1 March in Oslo (UTC+1).
    expect(todayIn(new Date('2026-02-28T23:30:00Z'))).toBe('2026-03-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (summer time, UTC+2).
    expect(todayIn(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayIn(new Date('2026-06-30T21:30:00Z'))).toBe('2026-06-30');
  });
});
