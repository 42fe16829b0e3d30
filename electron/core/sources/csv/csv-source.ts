import { stat } from 'node:fs/promises';
import type { Cell } from '../../../../shared/hit';
import type { SourceConfig } from '../../../../shared/workspace';
import type { PreparedSubject } from '../../match/prepare';
import type { RelatedRecord, ScanContext, Source, SourceRecord } from '../source';
import { followRelations, tupleKey, type FollowOptions } from '../tabular/follow-relations';
import {
  applyExclude,
  linksToForeignKeys,
  unknownExcludes,
  type ForeignKey,
  type TableSchema,
} from '../tabular/table-schema';
import { columnType } from './column-types';
import { detectCsvFormat, listCsvTables, type CsvFormat, type CsvTable } from './format';
import { columnNames } from './header';
import { readTable } from './read-table';

export { detectCsvFormat, listCsvTables, type CsvFormat, type CsvTable } from './format';

type CsvConfig = Extract<SourceConfig, { kind: 'csv' }>;

export interface CsvModelTable extends CsvTable {
  format: CsvFormat;
  schema: TableSchema;
}

/** A CSV file or folder as tables, after `exclude`, with the links the workspace declares. */
export interface CsvModel {
  tables: CsvModelTable[];
  foreignKeys: ForeignKey[];
}

/** A folder of CSV exports is one source with one table per file; `links` relate the tables. */
export class CsvSource implements Source {
  private model: CsvModel | null = null;

  constructor(
    readonly config: CsvConfig,
    private readonly follow: Pick<FollowOptions, 'maxDepth'> = {},
  ) {}

  async schema(problem: (message: string) => void = () => {}): Promise<CsvModel> {
    if (this.model) return this.model;
    const found: CsvModelTable[] = [];
    for (const table of await listCsvTables(this.config.path, problem)) {
      let format: CsvFormat;
      try {
        format = await detectCsvFormat(table.file, this.config.header);
      } catch (err) {
        // One unreadable export (permissions, a file being replaced) must not hide the others.
        problem(`${table.name}: the file could not be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); it was not searched.`);
        continue;
      }
      found.push({ ...table, format, schema: tableSchema(table.name, format) });
    }
    const schemas = found.map((t) => t.schema);
    for (const name of unknownExcludes(schemas, this.config.exclude)) {
      problem(`"${name}" in exclude was not found among the CSV files and their headers; check the spelling.`);
    }
    const kept = applyExclude(schemas, this.config.exclude);
    const tables = found.flatMap((t) => {
      const schema = kept.find((k) => k.name === t.name);
      return schema ? [{ ...t, schema }] : [];
    });
    this.model = { tables, foreignKeys: linksToForeignKeys(this.config.links, kept, problem) };
    return this.model;
  }

  async *scan(subject: PreparedSubject, ctx: ScanContext): AsyncIterable<SourceRecord> {
    const prefilter = ctx.prefilter;
    const { tables } = await this.schema(ctx.problem);
    const bytesTotal = tables.reduce((sum, t) => sum + t.size, 0);
    let bytesBefore = 0;
    let scanned = 0;
    for (const table of tables) {
      if (table.format.binary) {
        ctx.problem(`${table.name}: the file holds binary data, not text (is it a spreadsheet or archive renamed to .csv?); it was not searched.`);
      } else {
        let bytesInFile = 0;
        // The fast path (search/prefilter) yields only rows that may match, and counts the rest.
        const before = scanned;
        let recordsSeen = 0;
        let yielded = 0;
        const onRecords = (n: number) => {
          recordsSeen = n;
          scanned = before + Math.max(yielded, recordsSeen);
          ctx.onProgress({ scanned, bytesDone: bytesBefore + bytesInFile, bytesTotal });
        };
        const options = { signal: ctx.signal, problem: ctx.problem, onBytes: (b: number) => (bytesInFile = b), excludeColumns: this.excluded(table), prefilter, subject: subject.subject, onRecords };
        for await (const rec of readTable(table, table.format, options)) {
          yielded++;
          scanned = before + Math.max(yielded, recordsSeen);
          if (scanned % 1000 === 0) ctx.onProgress({ scanned, bytesDone: bytesBefore + bytesInFile, bytesTotal });
          yield rec;
        }
        // An export still being written gives rows from two moments: say so, so the DPO searches again.
        const now = await stat(table.file).catch(() => null);
        if (!now || now.size !== table.size || (table.mtimeMs !== undefined && now.mtimeMs !== table.mtimeMs)) {
          ctx.problem(`${table.name}: the file changed while it was being searched; search again once nothing is writing to it.`);
        }
      }
      bytesBefore += table.size;
      ctx.onProgress({ scanned, bytesDone: bytesBefore, bytesTotal });
    }
  }

  /** Rows that refer to matched rows through the workspace's links, found by reading the child files. */
  async *related(matched: readonly SourceRecord[], ctx: ScanContext): AsyncIterable<RelatedRecord> {
    const { tables, foreignKeys } = await this.schema(() => undefined);
    if (foreignKeys.length === 0) return;
    const readChildren = async function* (table: CsvModelTable, exclude: Set<string>, columns: readonly string[], keys: readonly Cell[][]) {
      const wanted = new Set(keys.map((k) => tupleKey(k)));
      // Problems were already reported by the scan of the same file.
      for await (const rec of readTable(table, table.format, { signal: ctx.signal, excludeColumns: exclude })) {
        if (wanted.has(tupleKey(columns.map((c) => rec.fields[c])))) yield rec;
      }
    };
    const finder = {
      rowsWhere: (name: string, columns: readonly string[], keys: readonly Cell[][]): AsyncIterable<SourceRecord> => {
        const table = tables.find((t) => t.name === name && !t.format.binary);
        return table ? readChildren(table, this.excluded(table), columns, keys) : noRows();
      },
    };
    yield* followRelations(matched, foreignKeys, finder, {
      maxDepth: this.follow.maxDepth,
      signal: ctx.signal,
      depthLimitReached: (d) =>
        ctx.problem(`related rows were followed ${d} steps from each hit; rows further away were not searched.`),
    });
  }

  private excluded(table: CsvModelTable): Set<string> {
    const out = new Set<string>();
    for (const ref of this.config.exclude?.columns ?? []) {
      if (ref.startsWith(`${table.name}.`)) out.add(ref.slice(table.name.length + 1));
    }
    return out;
  }

  async close(): Promise<void> {}
}

async function* noRows(): AsyncIterable<SourceRecord> {}

/** Columns from the header (or column_1, column_2, ...), typed by what the first rows hold. */
function tableSchema(name: string, format: CsvFormat): TableSchema {
  const [first = [], ...rest] = format.sample;
  const names = columnNames(first, format.header);
  const data = format.header ? rest : format.sample;
  return {
    name,
    columns: names.map((n, i) => ({ name: n, type: columnType(data.map((r) => r[i] ?? '')) })),
    primaryKey: [],
  };
}
