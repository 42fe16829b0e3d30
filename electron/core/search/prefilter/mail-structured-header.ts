/**
 * Content-Type and Content-Disposition values read the way postal-mime reads them (value
 * lower-cased, `key=value` parameters, double quotes removed, a parameter without `=` running
 * into the next key), for the mail pre-check (mail-precheck.ts). Only the plain forms are
 * read: a value with an RFC 822 comment or an RFC 2231 parameter (`name*=`, `name*0=`) gives
 * null, and the caller then leaves the message to the full parser, so no reading of ours can
 * differ from postal-mime's on the forms we do not handle.
 */
export interface StructuredValue {
  value: string;
  params: Record<string, string>;
}

export function readStructured(header: string): StructuredValue | null {
  if (header.includes('(')) return null;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  let value: string | null = null;
  let key: string | null = null;
  let inKey = false;
  let text = '';
  let quoted = false;
  let escaped = false;
  for (let i = 0; i < header.length; i++) {
    const ch = header[i];
    if (inKey) {
      // Up to "=", everything (quotes and semicolons too) belongs to the key.
      if (ch === '=') {
        key = text.trim().toLowerCase();
        inKey = false;
        text = '';
      } else text += ch;
      continue;
    }
    if (escaped) {
      text += ch;
      escaped = false;
    } else if (ch === '\\') escaped = true;
    else if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      if (key === null) value = text.trim();
      else params[key] = text.trim();
      inKey = true;
      text = '';
    } else text += ch;
  }
  text = text.trim();
  if (!inKey) {
    if (key === null) value = text;
    else params[key] = text;
  } else if (text) params[text.toLowerCase()] = '';
  // RFC 2231 continuations and charsets are decoded by postal-mime; we do not follow them.
  for (const k of Object.keys(params)) if (k.includes('*') || k === '__proto__') return null;
  return { value: (value ?? '').toLowerCase(), params };
}
