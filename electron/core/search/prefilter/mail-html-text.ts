/**
 * The text of simple HTML without html-to-text, for the mail pre-check. For HTML made only of
 * the tags below (text, paragraphs, line breaks, divisions and inline styling; attributes
 * allowed but never shown) and of the listed character references, html-to-text's output
 * holds the text between the tags, references decoded, in document order, and differs from it
 * only in whitespace: it collapses runs of its whitespace characters, trims them at block
 * edges and adds line breaks. So once both are stripped of those characters, every piece of
 * the output is a piece of what this returns (the caller compares with the subject's terms
 * stripped the same way; digits are unaffected). Anything else (links, images, lists,
 * headings and table headers that it upper-cases, scripts, other references, odd markup)
 * gives null, and the caller runs html-to-text itself.
 */
const PLAIN_TAGS = new Set(['html', 'body', 'p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 'font']);

/** A start or end tag with optional attributes, its name in group 1 (HTML whitespace only). */
const TAG = /<\/?([A-Za-z][A-Za-z0-9]*)(?:[ \t\n\r\f]+[^ \t\n\r\f"'>/=<]+(?:[ \t\n\r\f]*=[ \t\n\r\f]*(?:"[^"]*"|'[^']*'|[^ \t\n\r\f"'=<>`]+))?)*[ \t\n\r\f]*\/?>/y;
/** A comment whose end nobody can read differently ("-->", never "--!>" or an early "-->"). */
const COMMENT = /<!--(?![->])((?:(?!--)[^])*)-->/y;
const DOCTYPE = /<!doctype[ \t\n\r\f][^<>]*>/iy;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos|nbsp)|#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6}));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * What the comparison ignores: html-to-text's `whitespaceCharacters` (which it collapses,
 * trims and inserts) and, to be safe whatever it does with them, every other space.
 */
export const HTML_WHITESPACE = /[\s\u200b]+/gu;

export function simpleHtmlText(html: string): string | null {
  const out: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const end = lt < 0 ? html.length : lt;
    if (end > i) {
      const text = decodeReferences(html.slice(i, end));
      if (text === null) return null;
      out.push(text);
    }
    if (lt < 0) break;
    i = skipMarkup(html, lt);
    if (i < 0) return null;
  }
  return out.join('');
}

/** Where the markup starting at `at` ends, or -1 when it is not a plain tag, comment or doctype. */
function skipMarkup(html: string, at: number): number {
  TAG.lastIndex = at;
  const tag = TAG.exec(html);
  if (tag) return PLAIN_TAGS.has(tag[1].toLowerCase()) ? TAG.lastIndex : -1;
  COMMENT.lastIndex = at;
  if (COMMENT.test(html)) return COMMENT.lastIndex;
  DOCTYPE.lastIndex = at;
  if (DOCTYPE.test(html)) return DOCTYPE.lastIndex;
  return -1;
}

function decodeReferences(text: string): string | null {
  if (text.includes('\0')) return null;
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    out += text.slice(from, amp);
    REFERENCE.lastIndex = amp;
    const m = REFERENCE.exec(text);
    if (m) {
      const decoded = m[1] ? NAMED[m[1]] : codePoint(m[2] ? parseInt(m[2], 10) : parseInt(m[3], 16));
      if (decoded === null) return null;
      out += decoded;
      from = REFERENCE.lastIndex;
    } else {
      // A bare "&" is text; "&" before a letter, digit or "#" may be a reference we do not decode.
      if (/[A-Za-z0-9#]/.test(text[amp + 1] ?? '')) return null;
      out += '&';
      from = amp + 1;
    }
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from);
}

/** Only code points every HTML decoder maps to themselves (not NUL, C1 controls, surrogates). */
function codePoint(n: number): string | null {
  const plain = (n >= 0x20 && n <= 0x7e) || n === 0x09 || n === 0x0a || (n >= 0xa0 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0x10ffff);
  return plain ? String.fromCodePoint(n) : null;
}
