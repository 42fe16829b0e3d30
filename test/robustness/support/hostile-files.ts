import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Hostile and broken files, generated inside the tests so nothing large is committed. Each
 * generator writes into `dir` and returns the path it made. Bytes are pseudo-random but
 * seeded, so a failure can be reproduced.
 */

/** Deterministic "random" bytes (SHA-256 in counter mode): garbage that is the same every run. */
export function garbage(size: number, seed = 'innsyn'): Buffer {
  const out = Buffer.alloc(size);
  for (let off = 0, n = 0; off < size; n++) {
    const block = createHash('sha256').update(`${seed}:${n}`).digest();
    off += block.copy(out, off);
  }
  return out;
}

export function writeGarbage(dir: string, name: string, size = 256 * 1024): string {
  const file = path.join(dir, name);
  writeFileSync(file, garbage(size, name));
  return file;
}

export function writeEmpty(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, '');
  return file;
}

/** `prefix` followed by `size` bytes of `fill` and no newline at all, written in 1 MiB blocks. */
export function writeLongLine(dir: string, name: string, size: number, prefix = '', fill = 'x'): string {
  const file = path.join(dir, name);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, prefix);
    const block = Buffer.alloc(1024 * 1024, fill);
    for (let left = size; left > 0; left -= block.length) writeSync(fd, block, 0, Math.min(left, block.length));
  } finally {
    closeSync(fd);
  }
  return file;
}

/**
 * `prefix`, a few MiB of real text, then a sparse tail up to `size` bytes (it reads as NUL
 * bytes): a gigabyte-long line that costs no disk writes, for readers that must give up
 * long before the end anyway.
 */
export function writeSparseLongLine(dir: string, name: string, size: number, prefix: string): string {
  const file = writeLongLine(dir, name, 4 * 1024 * 1024, prefix);
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return file;
}

/** A CSV whose first data field opens a quote that never closes, followed by many ordinary rows. */
export function writeUnclosedQuoteCsv(dir: string, name: string, rows: number, subjectEmail: string): string {
  const file = path.join(dir, name);
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, 'navn;epost;notat\n"Ola Nordmann;ola@example.no;start\n');
    const chunk: string[] = [];
    for (let i = 0; i < rows; i++) {
      chunk.push(`Person ${i};person${i}@example.no;${i % 1000 === 0 ? subjectEmail : 'ingen merknad'}\n`);
      if (chunk.length === 10_000) writeSync(fd, chunk.splice(0).join(''));
    }
    writeSync(fd, chunk.join(''));
  } finally {
    closeSync(fd);
  }
  return file;
}

/** A header of `columns` columns and a few rows, one of which holds the subject's e-mail. */
export function writeWideCsv(dir: string, name: string, columns: number, subjectEmail: string): string {
  const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(',');
  const row = (v: string) => Array.from({ length: columns }, (_, i) => (i === columns - 1 ? v : String(i))).join(',');
  const file = path.join(dir, name);
  writeFileSync(file, `${header}\n${row('ingen')}\n${row(subjectEmail)}\n`);
  return file;
}

/** Valid UTF-8 text with invalid sequences (lone continuation bytes, overlongs, 0xFF) mixed in. */
export function writeInvalidUtf8Csv(dir: string, name: string, subjectEmail: string): string {
  const file = path.join(dir, name);
  const parts = [
    Buffer.from('navn,epost,notat\n'),
    Buffer.from('Ødegård,'),
    Buffer.from(`${subjectEmail},`),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
    Buffer.from('\nÆrlig,annen@example.no,ok\n'),
  ];
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

const headers = (subject: string) =>
  `From: Test <test@example.no>\r\nTo: Kundeservice <kundeservice@example.no>\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.no>\r\nMIME-Version: 1.0\r\n`;

/** A multipart nested `depth` levels deep, each level a multipart/mixed holding the next. */
export function writeDeepMime(dir: string, name: string, depth: number): string {
  let body = 'Content-Type: text/plain; charset=utf-8\r\n\r\nInnerst inne.\r\n';
  for (let i = depth; i > 0; i--) {
    const b = `b${i}`;
    body = `Content-Type: multipart/mixed; boundary="${b}"\r\n\r\n--${b}\r\n${body}\r\n--${b}--\r\n`;
  }
  const file = path.join(dir, name);
  writeFileSync(file, `${headers('Dyp MIME')}${body}`);
  return file;
}

/** A message attached base64-encoded, whose own body is base64 of base64 of the subject's e-mail. */
export function writeBase64InBase64(dir: string, name: string, subjectEmail: string): string {
  const innerText = Buffer.from(Buffer.from(`Kontakt: ${subjectEmail}`).toString('base64')).toString('base64');
  const inner = `${headers('Indre')}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n${innerText}\r\n`;
  const outer =
    `${headers('Base64 i base64')}Content-Type: multipart/mixed; boundary="ytre"\r\n\r\n` +
    `--ytre\r\nContent-Type: text/plain\r\n\r\nSe vedlegg.\r\n` +
    `--ytre\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\n` +
    `${Buffer.from(inner).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n--ytre--\r\n`;
  const file = path.join(dir, name);
  writeFileSync(file, outer);
  return file;
}

/** A multipart whose closing boundary never comes (a message cut off in transit). */
export function writeUnclosedMultipart(dir: string, name: string, subjectEmail: string): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `${headers('Uten slutt')}Content-Type: multipart/alternative; boundary="aldri"\r\n\r\n` +
      `--aldri\r\nContent-Type: text/plain\r\n\r\nSvar til ${subjectEmail}\r\n--aldri\r\nContent-Type: text/html\r\n\r\n<p>halv`,
  );
  return file;
}

/** Messages one after the other with no "From " separator lines (a broken mbox export). */
export function writeMboxWithoutFromLines(dir: string, name: string, subjectEmail: string): string {
  const file = path.join(dir, name);
  const msg = (i: number) => `${headers(`Melding ${i}`)}Content-Type: text/plain\r\n\r\nHei ${i === 2 ? subjectEmail : 'deg'}\r\n\r\n`;
  writeFileSync(file, [1, 2, 3].map(msg).join(''));
  return file;
}

/** The start of a PST file (its "!BDN" magic and part of the header), cut off. */
export function writeTruncatedPst(dir: string, name: string): string {
  const file = path.join(dir, name);
  const head = Buffer.alloc(4096);
  head.write('!BDN', 0, 'latin1');
  head.writeUInt16LE(0x4d53, 8); // "SM": the client magic of a real PST
  head.writeUInt16LE(23, 10); // wVer 23: Unicode PST
  garbage(4096 - 64, name).copy(head, 64);
  writeFileSync(file, head.subarray(0, 700));
  return file;
}

/** A real SQLite database whose pages after the header have been overwritten with garbage. */
export function writeCorruptSqlite(dir: string, name: string): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  db.exec('CREATE TABLE kunde (id INTEGER PRIMARY KEY, navn TEXT, epost TEXT)');
  const insert = db.prepare('INSERT INTO kunde (navn, epost) VALUES (?, ?)');
  for (let i = 0; i < 2000; i++) insert.run(`Kunde ${i}`, `kunde${i}@example.no`);
  db.close();
  const fd = openSync(file, 'r+');
  try {
    const junk = garbage(64 * 1024, name);
    writeSync(fd, junk, 0, junk.length, 4096);
    writeSync(fd, junk, 0, 200, 100); // the schema page's header too
  } finally {
    closeSync(fd);
  }
  return file;
}

/** What an SQLCipher-encrypted database looks like from outside: random bytes from byte 0. */
export function writeEncryptedSqlite(dir: string, name: string): string {
  return writeGarbage(dir, name, 32 * 1024);
}

export function makeFifo(dir: string, name: string): string {
  const file = path.join(dir, name);
  execFileSync('mkfifo', [file]);
  return file;
}

/** A folder with a symlink to itself inside (`loop -> .`) and a link that points to itself. */
export function addSymlinkLoops(dir: string): void {
  symlinkSync('.', path.join(dir, 'loop'));
  symlinkSync('selv.csv', path.join(dir, 'selv.csv'));
}

export function mkdirp(...parts: string[]): string {
  const dir = path.join(...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
