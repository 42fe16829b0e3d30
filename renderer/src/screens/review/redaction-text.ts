import type { Redaction } from '../../app/session';

const MASK = '█';

/** The field's text as the package will show it, with redacted text masked. */
export function maskedText(value: string, redactions: readonly Redaction[]): string {
  if (redactions.some((r) => r.action === 'mask')) return MASK.repeat(Math.min(value.length, 12));
  let out = value;
  for (const r of redactions) {
    if (r.text) out = out.split(r.text).join(MASK.repeat(r.text.length));
  }
  return out;
}

/** The selected character range inside `el`, when the whole selection lies within it. */
export function selectionIn(el: HTMLElement | null): [number, number] | null {
  const sel = window.getSelection();
  if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!el.contains(range.startContainer) || !el.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(el);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return [start, start + range.toString().length];
}
