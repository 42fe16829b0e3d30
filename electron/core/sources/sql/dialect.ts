/**
 * What differs between the SQL engines, in one place: how identifiers are quoted, how a
 * parameter is written, and how a value becomes lower-case text or digits inside the engine.
 * Subject values only ever travel as parameters; these functions build SQL from table and
 * column names, which come from the engine's own catalogue.
 */
export interface SqlDialect {
  readonly engine: 'sqlite' | 'postgres' | 'mysql';
  quoteIdent(name: string): string;
  /** The placeholder for the n-th (1-based) parameter. */
  placeholder(n: number): string;
  /** True when a placeholder can be repeated to reuse one value ($1, @p1); MySQL's `?` cannot. */
  readonly numberedParams: boolean;
  /** The column's value as case-folded text. */
  lowerText(column: string): string;
  /** The column's value with everything but the digits removed. */
  digitsText(column: string): string;
  /** True when `needle` occurs in `haystack`. */
  contains(haystack: string, needle: string): string;
  /**
   * Optional: the whole prefilter for one row, given the searchable columns and the text and
   * digit term placeholders. An engine that cannot reuse an expression within a WHERE clause
   * would otherwise fold and strip each column once per term.
   */
  rowFilter?(columns: readonly string[], text: readonly string[], digits: readonly string[]): string;
}

export const sqliteDialect: SqlDialect = {
  engine: 'sqlite',
  quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
  // Named, because better-sqlite3 does not bind numbered ?NNN parameters; see sqlite-source.
  placeholder: (n) => `@p${n}`,
  numberedParams: true,
  // SQLite's own lower() folds ASCII only ("BJØRN" would stay "bjØrn"), so the adapter
  // registers these functions with JavaScript's Unicode case folding.
  lowerText: (c) => `innsyn_lower(${c})`,
  digitsText: (c) => `innsyn_digits(${c})`,
  contains: (h, n) => `instr(${h}, ${n}) > 0`,
};

/** `foldCollation`: set when the database's own lower() does not fold non-ASCII letters. */
export function postgresDialect(options: { foldCollation?: string } = {}): SqlDialect {
  const collate = options.foldCollation ? ` COLLATE "${options.foldCollation.replace(/"/g, '""')}"` : '';
  const digitsText = (c: string) => `regexp_replace(${c}::text, '[^0-9]+', '', 'g')`;
  return {
    engine: 'postgres',
    quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
    placeholder: (n) => `$${n}`,
    numberedParams: true,
    lowerText: (c) => `lower(${c}::text${collate})`,
    digitsText,
    contains: (h, n) => `strpos(${h}, ${n}) > 0`,
    rowFilter: (columns, text, digits) => {
      // Each row's columns are folded once into one string, and reduced to digits once, with a
      // separator no term contains (prefilterQuery checks), so a term found in the joined
      // string lies inside one column: exactly the per-column test. The OFFSET 0 subquery is
      // what makes PostgreSQL compute the two strings once instead of once per term.
      const out: string[] = [];
      const tests: string[] = [];
      if (text.length > 0) {
        out.push(`lower(${joinColumns(columns.map((c) => `${c}::text`))}${collate}) AS t`);
        tests.push(...text.map((p) => `strpos(r.t, ${p}) > 0`));
      }
      if (digits.length > 0) {
        out.push(`${joinColumns(columns.map(digitsText))} AS d`);
        tests.push(...digits.map((p) => `strpos(r.d, ${p}) > 0`));
      }
      return `(SELECT ${tests.join(' OR ')} FROM (SELECT ${out.join(', ')} OFFSET 0) AS r)`;
    },
  };
}

/** The separator between a row's columns in rowFilter: a control character no search term holds. */
export const ROW_SEPARATOR = '\u001f';
const separatorLiteral = "E'\\x1f'";

/** concat_ws over any number of columns: PostgreSQL passes at most 100 arguments to a function. */
function joinColumns(parts: readonly string[]): string {
  const groups: string[] = [];
  for (let i = 0; i < parts.length; i += 90) groups.push(`concat_ws(${separatorLiteral}, ${parts.slice(i, i + 90).join(', ')})`);
  return groups.length === 1 ? groups[0] : `concat_ws(${separatorLiteral}, ${groups.join(', ')})`;
}

export const mysqlDialect: SqlDialect = {
  engine: 'mysql',
  quoteIdent: (name) => `\`${name.replace(/`/g, '``')}\``,
  placeholder: () => '?',
  numberedParams: false,
  // CAST to a Unicode character set first: LOWER() does nothing to binary strings.
  lowerText: (c) => `LOWER(CAST(${c} AS CHAR CHARACTER SET utf8mb4))`,
  digitsText: (c) => `REGEXP_REPLACE(CAST(${c} AS CHAR CHARACTER SET utf8mb4), '[^0-9]+', '')`,
  contains: (h, n) => `LOCATE(${n}, ${h}) > 0`,
};

/** Collects parameter values and hands out placeholders, reusing numbered ones. */
export class SqlParams {
  readonly values: unknown[] = [];
  private readonly reuse = new Map<unknown, string>();

  constructor(private readonly dialect: SqlDialect) {}

  add(value: unknown): string {
    if (this.dialect.numberedParams) {
      const known = this.reuse.get(value);
      if (known) return known;
    }
    this.values.push(value);
    const ph = this.dialect.placeholder(this.values.length);
    if (this.dialect.numberedParams) this.reuse.set(value, ph);
    return ph;
  }
}
