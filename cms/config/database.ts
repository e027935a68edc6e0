import path from 'node:path';
import type { Core } from '@strapi/strapi';

// SQLite is the zero-setup default; PostgreSQL is what production runs on.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite');

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    const ssl = env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false;
    return {
      connection: {
        client: 'postgres',
        connection: url
          ? { connectionString: url, ssl, schema: env('DATABASE_SCHEMA', 'public') }
          : {
              host: env('DATABASE_HOST', '127.0.0.1'),
              port: env.int('DATABASE_PORT', 5432),
              database: env('DATABASE_NAME', 'centrum'),
              user: env('DATABASE_USERNAME', 'centrum'),
              password: env('DATABASE_PASSWORD', ''),
              ssl,
              schema: env('DATABASE_SCHEMA', 'public'),
            },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`DATABASE_CLIENT="${client}" is not supported: use "sqlite" (default) or "postgres".`);
  }

  return {
    connection: {
      client: 'sqlite',
      connection: {
        // Relative paths are resolved against cms/, so the default lands in the git-ignored cms/data/.
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', 'data/centrum.db')),
      },
      useNullAsDefault: true,
      pool: {
        // Write-ahead logging: a commit appends to the log instead of rewriting and syncing the
        // database file twice, and readers no longer wait for a writer. With synchronous=NORMAL a
        // power cut can lose the last commits, never corrupt the file; production runs PostgreSQL.
        afterCreate: (connection: { pragma: (statement: string) => unknown }, done: (error: Error | null, connection: unknown) => void) => {
          try {
            connection.pragma('journal_mode = WAL');
            connection.pragma('synchronous = NORMAL');
            done(null, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };
};
