import { runScript, withStrapi } from './load-strapi';

/**
 * Creates the CMS's tables in the configured (empty) database and exits:
 *   node dist/scripts/create-schema.js
 * Strapi builds its schema from the content types while it loads, each engine with its own column
 * types; the move from SQLite to PostgreSQL (scripts/lib/move-to-postgres.ts) copies rows into the
 * schema made this way rather than guessing Strapi's PostgreSQL types itself.
 */
runScript(async () => {
  const tables = await withStrapi(async (strapi) => {
    const inspector = strapi.db.dialect.schemaInspector;
    return (await inspector.getTables()).length;
  });
  process.stdout.write(`${JSON.stringify({ tables })}\n`);
});
