import { convert } from 'html-to-text';

/**
 * HTML mail and HTML attachments turned into searchable text by html-to-text. Link targets
 * are kept ("text [mailto:ola@example.no]") because a mailto: or a profile URL is often the
 * only place an address appears; images are dropped (their alt text is kept).
 */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  });
}
