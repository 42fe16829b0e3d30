import { describe, expect, it } from 'vitest';
import { safeName } from '../../electron/core/package/safe-name';
import { sheetNamer, textCell, toSheetCell } from '../../electron/core/package/xlsx-cells';

describe('safeName', () => {
  const hostile = [
    '../../etc/passwd',
    '..\\..\\Windows\\System32',
    '/absolute/path',
    'C:\\Users\\x',
    '\u0000\u0001\u001f',
    'invoice\u202egpj.exe',
    'zero\u200bwidth',
    'CON',
    'con.txt',
    'LPT1',
    'COM¹',
    'nul.eml',
    '   ',
    '...',
    '. .',
    'trailing dots...',
    'emoji 😀'.repeat(80),
    'ø'.repeat(500),
    'a\r\nb\tc',
    '\ud800 lone surrogate',
    '<>:"|?*',
  ];
  for (const input of hostile) {
    it(`makes a safe name of ${JSON.stringify(input).slice(0, 40)}`, () => {
      const name = safeName(input, 60, 'x');
      expect(name).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f\u200b\u202e]/);
      expect(name).not.toContain('..');
      expect(name).not.toMatch(/^[. ]|[. ]$/);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i);
      expect([...name].length).toBeLessThanOrEqual(60);
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
      expect(name.length).toBeGreaterThan(0);
      expect(name).toBe(name.normalize('NFC'));
      // Whole code points only: no half surrogate pair at the cut.
      expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name)).toBe(false);
      // Deterministic.
      expect(safeName(input, 60, 'x')).toBe(name);
    });
  }

  it('keeps ordinary Norwegian and Sámi subjects readable', () => {
    expect(safeName('SV: Reklamasjon på kaffetrakter')).toBe('SV_ Reklamasjon på kaffetrakter');
    expect(safeName('Áilu Čađeŧ')).toBe('Áilu Čađeŧ');
    expect(safeName('', 60, 'message')).toBe('message');
    expect(safeName('CON')).toBe('_CON');
  });

  it('gives the same name for the same text in another Unicode normal form', () => {
    expect(safeName('Ødega\u030ard')).toBe(safeName('Ødegård'));
  });
});

describe('spreadsheet cells', () => {
  it('never lets a value be a formula', () => {
    for (const v of ['=1+1', '+47 913 45 678', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(textCell(v)).toEqual({ value: v, numFmt: '@' });
    }
    expect(textCell('1+1')).toEqual({ value: '1+1' });
  });

  it('types dates only where the source typed them, and keeps CSV text as text', () => {
    expect(toSheetCell('2024-03-05T09:15:00.000Z', true).value).toEqual(new Date('2024-03-05T09:15:00.000Z'));
    expect(toSheetCell('2024-03-05T09:15:00.000Z', false).value).toBe('2024-03-05T09:15:00.000Z');
    expect(toSheetCell('05.03.2024', true).value).toBe('05.03.2024');
    expect(toSheetCell('0042', true).value).toBe('0042');
    expect(toSheetCell(42, false).value).toBe(42);
    expect(toSheetCell(Number.NaN, false).value).toBe('NaN');
    expect(toSheetCell(null, true).value).toBeNull();
  });

  it('names sheets within Excel’s rules, uniquely', () => {
    const name = sheetNamer();
    expect(name('kunder-kunde')).toBe('kunder-kunde');
    expect(name('kunder-kunde')).toBe('kunder-kunde~2');
    expect(name('KUNDER-KUNDE')).toBe('KUNDER-KUNDE~3');
    expect(name("'a[b]c:d*e?f/g\\h'")).toBe('a_b_c_d_e_f_g_h');
    expect(name('History')).toBe('History~2');
    expect([...name('ø'.repeat(50))].length).toBe(31);
    expect(name('\u0000\u0001')).toBe('Sheet');
  });
});
