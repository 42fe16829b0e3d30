import type { Cell } from '../../../../shared/hit';
import type { ProposedLink } from '../../../../shared/source-preview';
import type { ForeignKey, TableSchema } from './table-schema';

/** A table with the first rows read from it, enough to judge keys by their values. */
export interface SampledTable {
  schema: TableSchema;
  rows: ReadonlyArray<Record<string, Cell>>;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The column that identifies a table's rows, by name and by unique values in the sample. */
export function keyColumnOf(table: SampledTable): string | null {
  if (table.schema.primaryKey.length === 1) return table.schema.primaryKey[0];
  const wanted = [`${norm(table.schema.name)}id`, 'id'];
  for (const w of wanted) {
    const col = table.schema.columns.find((c) => norm(c.name) === w);
    if (col && isUnique(table.rows.map((r) => r[col.name]))) return col.name;
  }
  return null;
}

/**
 * Likely relations the workspace does not declare: a column in one table named like another
 * table's key (rental.customer_id → customer.customer_id), with the sampled values found
 * there. Only proposed, for the DPO to accept into `links`: a wrong link could pull another
 * person's rows into the answer, so Innsyn never follows a guess on its own.
 */
export function proposeLinks(tables: readonly SampledTable[], known: readonly ForeignKey[]): ProposedLink[] {
  const out: ProposedLink[] = [];
  const isKnown = (child: string, col: string, parent: string, key: string) =>
    known.some((fk) => fk.table === child && fk.columns.join() === col && fk.refTable === parent && fk.refColumns.join() === key);
  for (const parent of tables) {
    const key = keyColumnOf(parent);
    if (!key) continue;
    const keyValues = new Set(parent.rows.map((r) => text(r[key])).filter((v) => v !== ''));
    const names = new Set([norm(key), norm(key) === 'id' ? `${norm(parent.schema.name)}id` : norm(key)]);
    for (const child of tables) {
      if (child === parent) continue;
      for (const col of child.schema.columns) {
        if (!names.has(norm(col.name)) || isKnown(child.schema.name, col.name, parent.schema.name, key)) continue;
        const values = child.rows.map((r) => text(r[col.name])).filter((v) => v !== '');
        if (values.length === 0) continue;
        const found = values.filter((v) => keyValues.has(v)).length;
        if (found === 0) continue; // no evidence in the sample
        out.push({
          from: `${child.schema.name}.${col.name}`,
          to: `${parent.schema.name}.${key}`,
          reason:
            `same column name as the key of ${parent.schema.name}; ` +
            `${found} of ${values.length} sampled values were found among the first ${parent.rows.length} rows of ${parent.schema.name}`,
        });
      }
    }
  }
  return out;
}

function text(cell: Cell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

function isUnique(values: ReadonlyArray<Cell | undefined>): boolean {
  const seen = new Set<string>();
  for (const v of values) {
    const t = text(v);
    if (t === '' || seen.has(t)) return false;
    seen.add(t);
  }
  return seen.size > 0;
}
