import PostalMime from 'postal-mime';
import type { Cell } from '../../../../shared/hit';

type Address = { name?: string; address?: string; group?: Address[] };

export interface ParsedMessage {
  fields: Record<string, Cell>;
  text: Array<{ field: string; value: string }>;
  messageId?: string;
}

/** "Name <address>" for display and matching; groups are flattened. */
function formatAddresses(list: Address[] | Address | undefined): string | null {
  if (!list) return null;
  const flat: Address[] = [];
  const walk = (a: Address) => (a.group ? a.group.forEach(walk) : flat.push(a));
  (Array.isArray(list) ? list : [list]).forEach(walk);
  const parts = flat.map((a) => (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? ''))).filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Crude but safe HTML-to-text for searching: tags dropped, common entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * Decodes one RFC 5322 message with postal-mime: RFC 2047 headers, transfer encodings and
 * charsets are its job. The record shows from/to/cc/date/subject; bodies are searched as text.
 */
export async function parseMessage(raw: Uint8Array): Promise<ParsedMessage> {
  const email = await PostalMime.parse(raw);
  const fields: Record<string, Cell> = {
    from: formatAddresses(email.from as Address | undefined),
    to: formatAddresses(email.to as Address[] | undefined),
    cc: formatAddresses(email.cc as Address[] | undefined),
    date: email.date ?? null,
    subject: email.subject ?? null,
  };
  const text: Array<{ field: string; value: string }> = [];
  const body = email.text ?? (email.html ? htmlToText(email.html) : '');
  if (body) text.push({ field: 'body', value: body });
  const names = email.attachments.map((a) => a.filename).filter((n): n is string => Boolean(n));
  if (names.length > 0) text.push({ field: 'attachment names', value: names.join('\n') });
  return { fields, text, messageId: email.messageId ?? undefined };
}
