import { z } from 'zod';
import { CellSchema } from './hit';

/**
 * What the DPO sees before searching a tabular source: enough to check that Innsyn read the
 * export or database the way they expect (encoding, delimiter, columns, keys), and to accept
 * the relations Innsyn proposes. Proposed links are never followed until they are added to
 * the source's `links` in the workspace.
 */
export const ForeignKeyPreviewSchema = z.object({
  columns: z.array(z.string()),
  references: z.object({ table: z.string(), columns: z.array(z.string()) }),
  /** "schema": declared in the database; "link": declared in the workspace's `links`. */
  origin: z.enum(['schema', 'link']),
});

export const ColumnPreviewSchema = z.object({
  name: z.string(),
  /** The engine's type name, or for CSV what the first rows look like ("integer", "text", ...). */
  type: z.string(),
});

export const TablePreviewSchema = z.object({
  name: z.string(),
  columns: z.array(ColumnPreviewSchema),
  primaryKey: z.array(z.string()),
  foreignKeys: z.array(ForeignKeyPreviewSchema),
  /** Exact for databases; for CSV only when the file is small enough to count cheaply. */
  rowCount: z.number().int().nonnegative().optional(),
  rows: z.array(z.record(z.string(), CellSchema)),
  /** CSV only. */
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  header: z.boolean().optional(),
});

export const ProposedLinkSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Why it is proposed, e.g. "same column name; 200 of 200 sampled values found in customer". */
  reason: z.string(),
});

export const SourcePreviewSchema = z.object({
  source: z.string(),
  kind: z.string(),
  tables: z.array(TablePreviewSchema),
  /** Tables or columns left out by the workspace's `exclude`. */
  excluded: z.array(z.string()),
  proposedLinks: z.array(ProposedLinkSchema),
  /** Things that did not stop the preview: a table that could not be read, a link to a missing column. */
  problems: z.array(z.string()),
});

export type ForeignKeyPreview = z.infer<typeof ForeignKeyPreviewSchema>;
export type TablePreview = z.infer<typeof TablePreviewSchema>;
export type ProposedLink = z.infer<typeof ProposedLinkSchema>;
export type SourcePreview = z.infer<typeof SourcePreviewSchema>;
