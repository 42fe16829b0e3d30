import { describe, expect, it } from 'vitest';
import { mysqlDialect, postgresDialect, sqliteDialect } from '../../electron/core/sources/sql/dialect';
import { childRowsQueries, prefilterQuery, selectList } from '../../electron/core/sources/sql/queries';
import type { TableSchema } from '../../electron/core/sources/tabular/table-schema';

const table: TableSchema = {
  name: 'Kunde "Reg"`x',
  columns: [
    { name: 'id', type: 'integer' },
    { name: 'e-post', type: 'text' },
    { name: 'bilde', type: 'bytea' },
  ],
  primaryKey: ['id'],
};
const terms = { text: ["o'brien@example.no", 'bjørn'], digits: ['4791345678'] };

describe('SQL built for each engine', () => {
  it('quotes identifiers the way each engine wants, doubling the quote character', () => {
    expect(sqliteDialect.quoteIdent(table.name)).toBe('"Kunde ""Reg""`x"');
    expect(postgresDialect().quoteIdent(table.name)).toBe('"Kunde ""Reg""`x"');
    expect(mysqlDialect.quoteIdent(table.name)).toBe('`Kunde "Reg"``x`');
  });

  it('PostgreSQL: every subject value is a numbered parameter, and each row is folded once, not once per term', () => {
    const d = postgresDialect();
    const q = prefilterQuery(d, table, terms, selectList(d, table, ['id']))!;
    // "bjørn" has no decomposed form; a term with "å" would be searched in both forms.
    expect(q.params).toEqual(["o'brien@example.no", 'bjørn', '4791345678']);
    expect(q.sql).not.toContain('brien');
    expect(q.sql).not.toContain('bjørn');
    expect(q.sql).toBe(
      'SELECT "id", "e-post", "bilde" FROM "Kunde ""Reg""`x" WHERE (SELECT ' +
        'strpos(r.t, $1) > 0 OR strpos(r.t, $2) > 0 OR strpos(r.d, $3) > 0 FROM (SELECT ' +
        `lower(concat_ws(E'\\x1f', "id"::text, "e-post"::text)) AS t, ` +
        `concat_ws(E'\\x1f', regexp_replace("id"::text, '[^0-9]+', '', 'g'), regexp_replace("e-post"::text, '[^0-9]+', '', 'g')) AS d ` +
        'OFFSET 0) AS r)',
    );
  });

  it('PostgreSQL: a term holding the row separator falls back to testing each column', () => {
    const q = prefilterQuery(postgresDialect(), table, { text: ['a\u001fb'], digits: [] }, '*')!;
    expect(q.sql).toBe('SELECT * FROM "Kunde ""Reg""`x" WHERE strpos(lower("id"::text), $1) > 0 OR strpos(lower("e-post"::text), $1) > 0');
  });

  it('uses a Unicode collation for folding when the database locale only folds ASCII', () => {
    const d = postgresDialect({ foldCollation: 'und-x-icu' });
    expect(d.lowerText('"navn"')).toBe('lower("navn"::text COLLATE "und-x-icu")');
  });

  it('MySQL: positional parameters in the order they appear, binary columns left out', () => {
    const q = prefilterQuery(mysqlDialect, table, terms, '*')!;
    expect(q.params).toEqual([...terms.text, ...terms.digits, ...terms.text, ...terms.digits]);
    expect(q.sql.match(/\?/g)).toHaveLength(6);
    expect(q.sql).toContain('LOCATE(?, LOWER(CAST(`e-post` AS CHAR CHARACTER SET utf8mb4))) > 0');
    expect(q.sql).not.toContain('bilde');
  });

  it('SQLite: named parameters and the Unicode-aware functions the adapter registers', () => {
    const q = prefilterQuery(sqliteDialect, table, { text: ['bjørn'], digits: [] }, '*')!;
    expect(q.sql).toBe('SELECT * FROM "Kunde ""Reg""`x" WHERE instr(innsyn_lower("id"), @p1) > 0 OR instr(innsyn_lower("e-post"), @p1) > 0');
    expect(q.params).toEqual(['bjørn']);
  });

  it('searches decomposed spellings too, without normalising every value in the engine', () => {
    const q = prefilterQuery(postgresDialect(), table, { text: ['åse'], digits: [] }, '*')!;
    expect(q.params).toEqual(['åse', 'a\u030Ase']);
  });

  it('no terms means no query: nothing could match', () => {
    expect(prefilterQuery(sqliteDialect, table, { text: [], digits: [] }, '*')).toBeNull();
  });

  it('looks up child rows in batches, with composite keys as AND groups', () => {
    const keys = Array.from({ length: 450 }, (_, i) => [i]);
    const single = childRowsQueries(postgresDialect(), table, ['id'], keys, '*');
    expect(single).toHaveLength(3);
    expect(single[0].sql).toMatch(/WHERE "id" IN \(\$1, \$2, .*\$200\)$/);
    const composite = childRowsQueries(mysqlDialect, table, ['id', 'e-post'], [[1, 'a'], [2, 'b']], '*');
    expect(composite[0].sql).toBe('SELECT * FROM `Kunde "Reg"``x` WHERE (`id` = ? AND `e-post` = ?) OR (`id` = ? AND `e-post` = ?)');
    expect(composite[0].params).toEqual([1, 'a', 2, 'b']);
  });
});
