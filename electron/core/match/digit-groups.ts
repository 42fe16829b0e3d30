/**
 * Finds phone numbers and national IDs inside text on token boundaries. People write them in
 * groups (`+47 913 45 678`, `91 34 56 78`, `150385 41215`, `07-98 92 35`), so a run of digit
 * groups joined by single separators is read, and the subject's number matches when a
 * contiguous sequence of whole groups spells it. `91345678` therefore never matches inside
 * `913456789`: the match has to start and end where a group does.
 */

/** A run of digit groups; a leading + belongs to the number. Letters next to it end the token. */
const RUN = /(?<![\p{L}\p{N}])\+?\d+(?:(?:[ \u00A0\u202F.\-/]|\) ?| ?\()\d+)*(?![\p{L}\p{N}])/gu;

export interface DigitMatch {
  /** The digits as the subject's form they matched. */
  form: string;
  /** The text as written in the record, e.g. "913 45 678". */
  written: string;
}

/**
 * Every subject form (exact digit strings, e.g. "4791345678", "91345678") spelled by
 * consecutive whole groups of a run in `text`. `longest` is the length of the longest form.
 */
export function findDigitForms(text: string, forms: ReadonlyMap<string, unknown>, longest: number): DigitMatch[] {
  const out: DigitMatch[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    const run = m[0];
    const groups: Array<{ digits: string; start: number; end: number }> = [];
    const group = /\d+/g;
    for (let g = group.exec(run); g !== null; g = group.exec(run)) {
      groups.push({ digits: g[0], start: g.index, end: g.index + g[0].length });
    }
    for (let i = 0; i < groups.length; i++) {
      // The longest form starting at this group wins ("0047 91345678" is one number, not two).
      let joined = '';
      let found: { form: string; end: number } | null = null;
      for (let j = i; j < groups.length; j++) {
        joined += groups[j].digits;
        if (joined.length > longest) break;
        if (forms.has(joined)) found = { form: joined, end: j };
      }
      if (found) {
        const start = i === 0 && run.startsWith('+') ? 0 : groups[i].start;
        out.push({ form: found.form, written: run.slice(start, groups[found.end].end) });
        i = found.end;
      }
    }
  }
  return out;
}

/** Non-digits removed; what the prefilter's digit terms are compared against. */
export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}
