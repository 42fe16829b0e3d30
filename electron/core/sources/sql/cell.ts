import type { Cell } from '../../../../shared/hit';

/** Converts a driver value into a JSON-safe cell, keeping numbers as numbers and dates as ISO text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return `[binary data, ${value.byteLength} bytes]`;
  return JSON.stringify(value);
}
