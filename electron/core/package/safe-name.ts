/**
 * File names built from data (e-mail subjects, table names) must never escape the package or
 * break on the recipient's machine: no path separators or "..", no control or invisible
 * formatting characters (a right-to-left override can make "gpj.exe" look like "exe.jpg"),
 * none of the names Windows reserves, and a bounded length in both characters and UTF-8 bytes
 * (most file systems allow 255 bytes per name). The same input always gives the same name.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
const MAX_BYTES = 200;

export function safeName(input: string, maxLength = 60, fallback = 'untitled'): string {
  let name = input
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\u2028\u2029]/gu, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[. ]+$/, '');
  name = truncate(name, maxLength).replace(/[. ]+$/, '');
  if (name === '' || /^[._ ]*$/.test(name)) name = fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  return name;
}

/** Cuts at whole code points (never half a surrogate pair), within both bounds. */
function truncate(name: string, maxChars: number): string {
  const out: string[] = [];
  let bytes = 0;
  for (const ch of name) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (out.length >= maxChars || bytes + size > MAX_BYTES) break;
    out.push(ch);
    bytes += size;
  }
  return out.join('');
}
