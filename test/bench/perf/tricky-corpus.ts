import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Small CSV files with everything that can make a raw byte scan disagree with the reader:
 * legacy and Unicode encodings, upper-case non-ASCII letters, quoted line breaks and
 * delimiters, escaped and stray quotes, text after a closing quote, wrong field counts,
 * control characters, empty lines, CR-only line ends, a trailing record without a line break,
 * and phone numbers and IDs written with separators. Rows are repeated so that small block
 * and segment sizes put their borders everywhere, including inside the identifiers.
 */
const HEADER = 'kundenr;navn;epost;telefon;notat';

function rows(): string[] {
  const out: string[] = [HEADER];
  for (let i = 0; i < 60; i++) {
    const n = 1000 + i;
    switch (i % 12) {
      case 0:
        out.push(`${n};SUNNIVA BJØRNSTAD;SUNNIVA.BJORNSTAD@EXAMPLE.NO;+47 913 45 678;vanlig`);
        break;
      case 1:
        out.push(`${n};Kari Hansen;kari@example.no;22 33 44 55;"Ringte fra 913\r\n45 678; se ""vedlegg"""`);
        break;
      case 2:
        out.push(`${n};Ola Nordmann;ola@example.no;91 34 56 78;"fnr 150385 41215"`);
        break;
      case 3:
        out.push(`${n};Per "Pelle" Berg;per@example.no;40000000;stray "quote" inside`);
        break;
      case 4:
        out.push(`${n};"Bjørnståd, Sunniva"x;s@example.no;1;text after the closing quote`);
        break;
      case 5:
        out.push(`${n};too;few`);
        break;
      case 6:
        out.push(`${n};Nora Lie;nora@example.no;99999999;control\u0007char`);
        break;
      case 7:
        out.push('');
        break;
      case 8:
        out.push(`${n};Mia Dahl;mia@example.no;0047 91345678;"multi\nline\nnote about Bjoernstad"`);
        break;
      case 9:
        out.push(`${n};Emil Moe;emil@example.no;12345678;ID: 150385-41215 i fritekst`);
        break;
      case 10:
        out.push(`${n};Sunniva Bjørnstad;annen@example.no;11111111;namesake with another e-mail`);
        break;
      default:
        out.push(`${n};Liv Berg;liv@example.no;22222222;helt uskyldig;og ett felt for mye`);
    }
  }
  return out;
}

export interface TrickyFile {
  name: string;
  file: string;
}

export function writeTrickyCorpus(dir: string): TrickyFile[] {
  const lines = rows();
  const crlf = lines.join('\r\n');
  const files: Array<[string, Buffer]> = [
    ['utf8-crlf.csv', Buffer.from(crlf, 'utf8')],
    ['utf8-bom-lf-no-final-newline.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n'), 'utf8')])],
    ['cr-only.csv', Buffer.from(`${lines.join('\r')}\r`, 'utf8')],
    ['windows-1252.csv', Buffer.from(`${crlf}\r\n`, 'latin1')],
    ['utf16le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${crlf}\r\n`, 'utf16le')])],
    // Valid UTF-8 for most of the file, then one Windows-1252 "ø": the source switches decoders there.
    ['utf8-late-1252.csv', Buffer.concat([Buffer.from(`${crlf}\r\n`, 'utf8'), Buffer.from('9999;Sunniva Bjørnstad;x@example.no;0;sent\r\n', 'latin1')])],
    ['unclosed-quote-at-end.csv', Buffer.from(`${crlf}\r\n9998;"Sunniva Bjørnstad;open`, 'utf8')],
  ];
  return files.map(([name, bytes]) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return { name, file };
  });
}
