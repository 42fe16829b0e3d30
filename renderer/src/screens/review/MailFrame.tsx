import { inertMailHtml } from './mail-html';

/**
 * HTML from a mailbox is someone else's markup: it must never run, fetch or submit anything.
 * It is rendered only inside an iframe with an empty `sandbox` (no scripts, no forms, no
 * popups, no top navigation, an opaque origin) whose document carries its own CSP that
 * allows nothing but inline data: images. The frame also inherits the app's CSP. The
 * renderer's own DOM never receives this HTML as markup: it is only an attribute value,
 * and before that it is made inert (see mail-html.ts).
 */
const FRAME_CSP = "default-src 'none'; img-src data:; form-action 'none'; base-uri 'none'";

export function frameDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${FRAME_CSP}"><meta name="referrer" content="no-referrer"></head><body>${inertMailHtml(html)}</body></html>`;
}

export function MailFrame({ html, title }: { html: string; title: string }) {
  return <iframe className="mail-frame" sandbox="" referrerPolicy="no-referrer" srcDoc={frameDocument(html)} title={title} data-testid="mail-frame" />;
}
