import type { SourceConfig } from '../../../shared/workspace';
import { CsvSource } from './csv/csv-source';
import { MailboxSource } from './mail/mailbox-source';
import type { Source } from './source';
import { MysqlSource } from './sql/mysql-source';
import { PostgresSource } from './sql/postgres-source';
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
      return new PostgresSource(config);
    case 'mysql':
      return new MysqlSource(config);
  }
}
