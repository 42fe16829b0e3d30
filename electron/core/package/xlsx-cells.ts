import type { Cell } from '../../../shared/hit';

/**
 * How a source value becomes a spreadsheet cell.
 *
 * - Numbers and booleans stay numbers and booleans (SQL drivers and mail headers type them).
 * - A string in the exact form SQL drivers' dates take after serialisation
 *   (`2024-03-01T09:15:00.000Z`, see sources/sql/cell.ts), or a mail Date header, becomes a
 *   real date cell in UTC. Midnight values show as a date only.
 * - Every other string stays text. CSV files carry no types, and guessing would damage data:
 *   "0047 913 45 678" or a national ID would lose leading zeros, "01.02" would become a date.
 * - Text that a spreadsheet could run as a formula (= + - @, or a leading tab/CR) is written
 *   as a string cell with the text number format, so it is shown and even re-edited as text.
 * - Characters XML 1.0 cannot hold are replaced by U+FFFD, and text longer than Excel's cell
 *   limit is cut with a marker; data.json always has the exact value.
 */
export type SheetValue = string | number | boolean | Date | null;

export interface SheetCell {
  value: SheetValue;
  /** Excel number format to apply, when the default would mislead. */
  numFmt?: string;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const HAS_XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/;
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const EXCEL_MAX = 32_767;
const CUT_MARK = ' […cut here; see data.json for the full text]';
export const TEXT_FORMAT = '@';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const DATE_FORMAT = 'yyyy-mm-dd';

export function toSheetCell(value: Cell | undefined, typedDates: boolean): SheetCell {
  if (value === undefined || value === null) return { value: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { value } : { value: String(value) };
  if (typeof value === 'boolean') return { value };
  if (typedDates && ISO_UTC.test(value)) {
    const d = new Date(value);
    if (!Number.isNaN(d.getTime())) {
      const midnight = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() + d.getUTCMilliseconds() === 0;
      return { value: d, numFmt: midnight ? DATE_FORMAT : DATE_TIME_FORMAT };
    }
  }
  return textCell(value);
}

/** A string cell, made safe to store and impossible to run as a formula. */
export function textCell(value: string): SheetCell {
  let text = value.length > EXCEL_MAX ? `${value.slice(0, EXCEL_MAX - CUT_MARK.length)}${CUT_MARK}` : value;
  // Surrogates are only a problem unpaired; the cheap test finds any, the full one decides.
  if (HAS_XML_INVALID.test(text)) text = text.replace(XML_INVALID, '\ufffd');
  return startsLikeFormula(text) ? { value: text, numFmt: TEXT_FORMAT } : { value: text };
}

/** = + - @, or a leading tab or CR: what a spreadsheet could take for the start of a formula. */
function startsLikeFormula(text: string): boolean {
  const c = text.charCodeAt(0); // NaN for an empty text: no match
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, no control characters, unique (case-insensitive). */
export function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>(['history']);
  return (wanted: string) => {
    const cleaned = wanted
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim();
    const base = [...cleaned].slice(0, 31).join('').replace(/'+$/, '') || 'Sheet';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${[...base].slice(0, 31 - `~${k}`.length).join('')}~${k}`;
    used.add(name.toLowerCase());
    return name;
  };
}
