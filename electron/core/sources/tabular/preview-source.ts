import { AppError } from '../../../../shared/errors';
import type { SourcePreview } from '../../../../shared/source-preview';
import type { SourceConfig } from '../../../../shared/workspace';
import { CsvSource } from '../csv/csv-source';
import { previewCsv } from '../csv/csv-preview';
import { openSource } from '../open-source';
import { SourceError } from '../source';
import { previewSql } from '../sql/sql-preview';
import { SqlSource, type SqlSourceOptions } from '../sql/sql-source';

export const DEFAULT_PREVIEW_ROWS = 5;

/**
 * The preview of one tabular source, for the source settings screen and `innsyn source
 * preview`. A source that cannot be opened is an error the DPO can act on (SOURCE_FAILED).
 */
export async function previewSource(
  config: SourceConfig,
  rows = DEFAULT_PREVIEW_ROWS,
  options: Pick<SqlSourceOptions, 'password'> = {},
): Promise<SourcePreview> {
  const source = openSource(config, options);
  try {
    if (source instanceof CsvSource) return await previewCsv(source, rows);
    if (source instanceof SqlSource) return await previewSql(source, rows);
    throw new AppError('INVALID_INPUT', `Source "${config.id}" is a ${config.kind} source; the preview is for CSV files and databases.`);
  } catch (err) {
    if (err instanceof SourceError) throw new AppError('SOURCE_FAILED', err.message);
    throw err;
  } finally {
    await source.close().catch(() => undefined);
  }
}
