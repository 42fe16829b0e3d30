import type { SourceConfig } from '../../../shared/workspace';
import { CsvSource } from './csv/csv-source';
import { MailboxSource } from './mail/mailbox-source';
import { SourceError, type Source } from './source';
import { SqliteSource } from './sql/sqlite-source';

/** The one place that knows which adapter serves which kind. */
export function openSource(config: SourceConfig): Source {
  switch (config.kind) {
    case 'csv':
      return new CsvSource(config);
    case 'sqlite':
      return new SqliteSource(config);
    case 'mailbox':
      return new MailboxSource(config);
    case 'postgres':
    case 'mysql':
      throw new SourceError(
        `Sources of kind "${config.kind}" are not supported in this version yet; source "${config.id}" was not searched.`,
      );
  }
}
