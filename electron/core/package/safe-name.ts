/**
 * File names built from data (e-mail subjects, table names) must never escape the package or
 * break on the recipient's machine: no path separators or "..", no control characters, none
 * of the names Windows reserves, and a bounded length.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function safeName(input: string, maxLength = 60, fallback = 'untitled'): string {
  let name = input
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  if (name.length > maxLength) name = name.slice(0, maxLength).replace(/[. ]+$/, '');
  if (name === '' || /^\.*$/.test(name)) name = fallback;
  if (RESERVED.test(name)) name = `_${name}`;
  return name;
}
