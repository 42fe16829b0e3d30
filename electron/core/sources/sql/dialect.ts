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
  return {
    engine: 'postgres',
    quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
    placeholder: (n) => `$${n}`,
    numberedParams: true,
    lowerText: (c) => `lower(${c}::text${collate})`,
    digitsText: (c) => `regexp_replace(${c}::text, '[^0-9]+', '', 'g')`,
    contains: (h, n) => `strpos(${h}, ${n}) > 0`,
  };
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
