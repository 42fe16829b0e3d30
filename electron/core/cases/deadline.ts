import { addMonths, dayNumber, formatDate, parseDate } from './calendar-date';
import { nextWorkingDay } from './holidays';

/** Art. 12(3): one month from receipt, moved forward to a working day. */
export function firstDeadline(received: string): string {
  return formatDate(nextWorkingDay(addMonths(parseDate(received), 1)));
}

/** Art. 12(3): extended by two further months, i.e. three months from receipt, same adjustment. */
export function extendedDeadline(received: string): string {
  return formatDate(nextWorkingDay(addMonths(parseDate(received), 3)));
}

export function deadlineFor(received: string, extended: boolean): string {
  return extended ? extendedDeadline(received) : firstDeadline(received);
}

/**
 * Art. 12(3): the person must be told of an extension, and why, within the first month.
 * Returns a warning when that did not (or has not yet) happened, otherwise undefined.
 */
export function extensionWarning(received: string, notified: string | null): string | undefined {
  const limit = firstDeadline(received);
  if (notified === null) {
    return `The person has not been told about the extension yet; Art. 12(3) requires telling them, with the reason, by ${limit}.`;
  }
  if (dayNumber(parseDate(notified)) > dayNumber(parseDate(limit))) {
    return `The person was told about the extension on ${notified}, after the first month ended (${limit}); Art. 12(3) requires notice within the first month, so the extension may not be valid.`;
  }
  if (dayNumber(parseDate(notified)) < dayNumber(parseDate(received))) {
    return `The notice date ${notified} is before the request was received (${received}); check the date.`;
  }
  return undefined;
}
