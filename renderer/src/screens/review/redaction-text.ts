import type { Redaction } from '../../../../shared/case';

const MASK = '█';

/**
 * The field's text as the package will show it: redacted spans masked character for
 * character, so offsets in the shown text are offsets in the original and a second
 * selection lands where the DPO sees it.
 */
export function maskedText(value: string, redactions: readonly Redaction[]): string {
  if (redactions.some((r) => r.span === null)) return MASK.repeat(Math.min(Math.max(value.length, 3), 12));
  let out = value;
  for (const r of redactions) {
    if (!r.span) continue;
    const [a, b] = r.span;
    out = out.slice(0, a) + MASK.repeat(Math.max(0, Math.min(b, out.length) - a)) + out.slice(b);
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
