/**
 * Spelling variants of one name token. Norwegian names reach exports in several spellings
 * (domain guide, "Norwegian identifiers and spellings"): æ/ae, ø/oe/o, å/aa/a, and systems
 * that drop diacritics (é, ü, Sámi á č đ ŋ š ŧ ž). Instead of folding every record token at
 * scan time, the subject's tokens are expanded once into every spelling the matcher accepts;
 * comparing a record token is then one Set lookup, and the same list feeds the prefilter, so
 * "the matcher accepts it" and "the prefilter lets it through" can never disagree.
 */

/**
 * What was needed to equate the record's spelling with the subject's, named in reasons.
 * Bit flags: a spelling may need both.
 */
export const Fold = {
  None: 0,
  /** æ/ae, ø/oe/o/ö, å/aa/a. */
  Nordic: 1,
  /** Other diacritics dropped: é→e, š→s, ŋ→n. */
  Diacritics: 2,
} as const;
export type Fold = number;

/** Alternatives for letters with a Norwegian double spelling, in both directions. */
const NORDIC: Record<string, readonly string[]> = {
  æ: ['ae', 'ä'],
  ä: ['æ', 'ae', 'a'],
  ø: ['oe', 'o', 'ö'],
  ö: ['ø', 'oe', 'o'],
  å: ['aa', 'a'],
};

/** ASCII spellings that may stand for a Nordic letter: "Haakon" is "Håkon", "Bjorn" is "Bjørn". */
const ASCII_NORDIC: ReadonlyArray<[string, readonly string[]]> = [
  ['aa', ['å', 'a']],
  ['ae', ['æ']],
  ['oe', ['ø', 'ö', 'o']],
  ['a', ['å']],
  ['o', ['ø', 'ö']],
];

/** Letters that NFD does not decompose but exports still flatten. */
const STROKED: Record<string, string> = { đ: 'd', ŋ: 'n', ŧ: 't', ł: 'l', ð: 'd', ß: 'ss', þ: 'th', ı: 'i' };

/** Beyond this many spellings of one token, ASCII letters stop being expanded (keeps long names cheap). */
const MAX_VARIANTS = 256;

/**
 * Accented forms an ASCII letter may have in the data when the DPO typed it without: the
 * request says "Andre Muller", the CRM says "André Müller", the Sámi register "Máret".
 * Nordic letters are handled above; these cover the rest of Latin-1/Latin Extended-A and the
 * Sámi letters. Only one letter per spelling is varied (see `withOneAccent`).
 */
const ACCENTED: Record<string, readonly string[]> = {
  a: ['á', 'à', 'â', 'ã', 'ā'],
  e: ['é', 'è', 'ê', 'ë', 'ē', 'ė', 'ę'],
  i: ['í', 'ì', 'î', 'ï', 'ī'],
  o: ['ó', 'ò', 'ô', 'õ', 'ō'],
  u: ['ú', 'ù', 'û', 'ü', 'ū'],
  y: ['ý', 'ÿ'],
  c: ['ç', 'č', 'ć'],
  n: ['ñ', 'ń', 'ň', 'ŋ'],
  s: ['š', 'ś', 'ş'],
  z: ['ž', 'ź', 'ż'],
  d: ['đ', 'ď'],
  t: ['ŧ', 'ť'],
  g: ['ğ'],
  l: ['ł'],
  r: ['ř'],
};

/**
 * Spellings of `token` with exactly one ASCII letter replaced by an accented form. One letter,
 * not every combination: names rarely carry more than one accent, and all combinations of a
 * long name would run to thousands of terms in every SQL query and byte scan. A name with two
 * accents the DPO typed without ("Sára Márák") is therefore not found from its ASCII spelling;
 * the README says so.
 */
function withOneAccent(token: string): Array<[string, Fold]> {
  const chars = [...token];
  const out: Array<[string, Fold]> = [];
  chars.forEach((ch, i) => {
    for (const accented of ACCENTED[ch] ?? []) {
      out.push([[...chars.slice(0, i), accented, ...chars.slice(i + 1)].join(''), Fold.Diacritics]);
    }
  });
  return out;
}

interface Piece {
  options: ReadonlyArray<[string, Fold]>;
}

function withoutMarks(ch: string): string {
  return STROKED[ch] ?? ch.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Splits a lower-case token into pieces, each with the spellings it may take. */
function pieces(token: string, expandAscii: boolean): Piece[] {
  const out: Piece[] = [];
  const chars = [...token];
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i];
    const nordic = NORDIC[ch];
    if (nordic) {
      const opts: Array<[string, Fold]> = [[ch, Fold.None], ...nordic.map((n): [string, Fold] => [n, Fold.Nordic])];
      out.push({ options: opts });
      i++;
      continue;
    }
    if (expandAscii) {
      const pair = ASCII_NORDIC.find(([ascii]) => chars.slice(i, i + ascii.length).join('') === ascii);
      if (pair) {
        const [ascii, alts] = pair;
        const opts: Array<[string, Fold]> = [[ascii, Fold.None], ...alts.map((a): [string, Fold] => [a, Fold.Nordic])];
        out.push({ options: opts });
        i += ascii.length;
        continue;
      }
    }
    const bare = withoutMarks(ch);
    out.push({ options: bare === ch ? [[ch, Fold.None]] : [[ch, Fold.None], [bare, Fold.Diacritics]] });
    i++;
  }
  return out;
}

function expand(parts: readonly Piece[]): Map<string, Fold> {
  let acc = new Map<string, Fold>([['', Fold.None]]);
  for (const part of parts) {
    const next = new Map<string, Fold>();
    for (const [prefix, fold] of acc) {
      for (const [text, f] of part.options) {
        const key = prefix + text;
        const combined = fold | f;
        const known = next.get(key);
        // Keep the gentlest explanation when two routes give the same spelling.
        if (known === undefined || combined < known) next.set(key, combined);
      }
    }
    acc = next;
  }
  return acc;
}

/**
 * Every spelling of `token` (already lower-case, NFC) the matcher treats as the same name,
 * with the normalisation each needed. Also contains the NFD (decomposed) form of each, as
 * written by some macOS exports.
 */
export function spellingsOf(token: string): Map<string, Fold> {
  let variants = expand(pieces(token, true));
  if (variants.size > MAX_VARIANTS) variants = expand(pieces(token, false));
  for (const [v, f] of withOneAccent(token)) if (!variants.has(v)) variants.set(v, f);
  for (const [v, f] of [...variants]) {
    const nfd = v.normalize('NFD');
    if (nfd !== v && !variants.has(nfd)) variants.set(nfd, f);
  }
  return variants;
}

/** The letters a token starts with in any of its spellings, for matching initials ("Å." for Åse). */
export function initialsOf(spellings: ReadonlyMap<string, Fold>): Map<string, Fold> {
  const out = new Map<string, Fold>();
  for (const [v, f] of spellings) {
    const first = [...v.normalize('NFC')][0];
    if (first === undefined) continue;
    const known = out.get(first);
    if (known === undefined || f < known) out.set(first, f);
  }
  return out;
}
