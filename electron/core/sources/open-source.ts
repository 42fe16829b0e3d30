import type { SourceConfig } from '../../../shared/workspace';
import { CsvSource } from './csv/csv-source';
import { MailboxSource } from './mail/mailbox-source';
import type { Source } from './source';
import { MysqlSource } from './sql/mysql-source';
import type { SqlSourceOptions } from './sql/sql-source';
import { PostgresSource } from './sql/postgres-source';
import { SqliteSource } from './sql/sqlite-source';

/**
 * The one place that knows which adapter serves which kind. `options.password` lets the app
 * supply a server password from the OS keychain when the workspace names no `passwordEnv`.
 */
export function openSource(config: SourceConfig, options: Pick<SqlSourceOptions, 'password'> = {}): Source {
  switch (config.kind) {
    case 'csv':
      return new CsvSource(config);
    case 'sqlite':
      return new SqliteSource(config);
    case 'mailbox':
      return new MailboxSource(config);
    case 'postgres':
      return new PostgresSource(config, options);
    case 'mysql':
      return new MysqlSource(config, options);
  }
}
