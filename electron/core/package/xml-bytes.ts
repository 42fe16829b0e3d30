import { Utf8Pieces } from './utf8-pieces';

/**
 * Writes XML text straight into UTF-8 byte pieces (Utf8Pieces), escaping as it goes, for the
 * sheets of data.xlsx (xlsx-writer.ts).
 *
 * Why not strings: a row made by concatenation left hundreds of bytes of intermediate strings
 * per cell (a reference, a cons string per piece of markup, then the flattened row to encode),
 * half of everything the export allocated. Each young-generation collection that caused also
 * ran on the helper threads, and on two cores that was a large share of the export's CPU time.
 * Here the markup and the values are copied byte by byte into a piece that is then handed on
 * as it is; nothing is allocated per row or per cell.
 */
export class XmlBytes extends Utf8Pieces {
  /** Markup, or any text known to be ASCII with nothing to escape (names, numbers). */
  ascii(s: string): void {
    const n = s.length;
    const b = this.room(n);
    let p = this.used;
    for (let i = 0; i < n; i++) b[p++] = s.charCodeAt(i);
    this.used = p;
  }

  /**
   * Character data or an attribute value: UTF-8, with & < > " ' as entities. A lone surrogate
   * becomes U+FFFD, as Buffer.from(text, 'utf8') would make it (xlsx-cells.ts has already
   * replaced them; this only keeps the bytes valid UTF-8 whatever arrives).
   */
  text(s: string): void {
    const n = s.length;
    // At most six bytes per UTF-16 unit ("&quot;"); any other character takes at most three.
    const b = this.room(n * 6);
    let p = this.used;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c > 0x3e || (c !== 0x26 && c !== 0x3c && c !== 0x3e && c !== 0x22 && c !== 0x27)) {
          b[p++] = c;
        } else {
          const entity = ENTITIES[c];
          for (let k = 0; k < entity.length; k++) b[p++] = entity.charCodeAt(k);
        }
      } else if (c < 0x800) {
        b[p++] = 0xc0 | (c >> 6);
        b[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[p++] = 0xe0 | (c >> 12);
        b[p++] = 0x80 | ((c >> 6) & 0x3f);
        b[p++] = 0x80 | (c & 0x3f);
      } else {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          b[p++] = 0xf0 | (cp >> 18);
          b[p++] = 0x80 | ((cp >> 12) & 0x3f);
          b[p++] = 0x80 | ((cp >> 6) & 0x3f);
          b[p++] = 0x80 | (cp & 0x3f);
          i++;
        } else {
          b[p++] = 0xef;
          b[p++] = 0xbf;
          b[p++] = 0xbd;
        }
      }
    }
    this.used = p;
  }
}

/** The five characters XML escapes, by character code. */
const ENTITIES: string[] = [];
ENTITIES[0x26] = '&amp;';
ENTITIES[0x3c] = '&lt;';
ENTITIES[0x3e] = '&gt;';
ENTITIES[0x22] = '&quot;';
ENTITIES[0x27] = '&apos;';
