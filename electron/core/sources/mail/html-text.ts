import { compile } from 'html-to-text';

/**
 * HTML mail and HTML attachments turned into searchable text by html-to-text. Link targets
 * are kept ("text [mailto:ola@example.no]") because a mailto: or a profile URL is often the
 * only place an address appears; images are dropped (their alt text is kept). The options
 * are compiled once: `convert()` compiles them on every call, which was about 4% of decoding
 * a mailbox (selderee building its selector tree per message).
 */
const toText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'img', format: 'skip' },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
  ],
});

export function htmlToText(html: string): string {
  return toText(html);
}
