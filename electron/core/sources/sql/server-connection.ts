import type { SourceConfig } from '../../../../shared/workspace';
import { SourceError } from '../source';

type ServerConfig = Extract<SourceConfig, { kind: 'postgres' | 'mysql' }>;

export interface ServerTarget {
  host: string;
  port: number;
  user: string;
  database: string;
  /** PostgreSQL only: the schema to search (`?schema=` in the URL), else the connection's default. */
  schema?: string;
  password?: string;
  /** "postgres://dpo@db:5432/shop": how the target is named in messages, never with a password. */
  label: string;
}

/** How long to wait for a server before saying it cannot be reached. */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Reads the workspace's connection URL. The password never comes from a file: the
 * workspace names an environment variable (`passwordEnv`) and it is read from there, or
 * the app hands over the one stored in the OS keychain (`stored`).
 */
export function serverTarget(config: ServerConfig, defaultPort: number, stored?: string | null): ServerTarget {
  let url: URL;
  try {
    url = new URL(config.connection);
  } catch {
    throw new SourceError(
      `Source "${config.id}": the connection "${config.connection}" is not a valid URL. ` +
        `Write it like ${config.kind}://user@host:${defaultPort}/database.`,
    );
  }
  let password = stored ?? undefined;
  if (config.passwordEnv) {
    password = process.env[config.passwordEnv];
    if (password === undefined) {
      throw new SourceError(
        `Source "${config.id}": the environment variable ${config.passwordEnv} (named in "passwordEnv") is not set, ` +
          'so there is no password to connect with. Set it before starting Innsyn.',
      );
    }
  }
  const host = url.hostname.replace(/^\[|\]$/g, '') || 'localhost';
  const port = url.port ? Number(url.port) : defaultPort;
  const user = decodeURIComponent(url.username);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const schema = url.searchParams.get('schema') ?? undefined;
  return {
    host,
    port,
    user,
    database,
    schema,
    password,
    label: `${url.protocol}//${user ? `${user}@` : ''}${url.host}/${database}${schema ? `?schema=${schema}` : ''}`,
  };
}

/** Removes the password from a driver message, in case a driver ever echoes it. */
export function withoutPassword(message: string, password: string | undefined): string {
  return password ? message.split(password).join('***') : message;
}

/** The connection-level failures every engine has, worded for the DPO. */
export function describeConnectFailure(
  config: ServerConfig,
  target: ServerTarget,
  reason: 'auth' | 'unreachable' | 'no-database' | 'other',
  detail: string,
): SourceError {
  const who = `Source "${config.id}" (${config.kind}, ${target.label})`;
  const text = {
    auth:
      `${who} could not be searched: the server refused the user name or password. ` +
      (config.passwordEnv
        ? `Check the user in "connection" and the password in the environment variable ${config.passwordEnv}.`
        : 'If the user needs a password, put it in an environment variable and name it in "passwordEnv".'),
    unreachable: `${who} could not be searched: the server at ${target.host}:${target.port} could not be reached (${detail}). Check the host, the port and the network, then search again.`,
    'no-database': `${who} could not be searched: the database "${target.database}" does not exist on the server, or this user may not use it.`,
    other: `${who} could not be searched: ${detail}.`,
  }[reason];
  return new SourceError(`${withoutPassword(text, target.password)} The other sources were searched normally.`);
}

export function isUnreachable(code: string | undefined): boolean {
  return !!code && ['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET'].includes(code);
}
