import { runScript, withStrapi } from './load-strapi';

interface TokenService {
  getByName(name: string, options?: { includeDecryptedKey?: boolean }): Promise<{ id: number; type: string; accessKey?: string } | null>;
  create(attributes: { name: string; description: string; type: string; lifespan: null }): Promise<{ accessKey: string }>;
  regenerate(id: number): Promise<{ accessKey: string }>;
}

const TYPES = new Set(['read-only', 'full-access']);

/**
 * Prints an API token for a site build (read-only by default), creating it on first use:
 *   node dist/scripts/create-api-token.js [--name site-build] [--type read-only|full-access] [--rotate]
 * Later runs print the same token (Strapi keeps it encrypted with ENCRYPTION_KEY); --rotate
 * issues a new one and invalidates the old. Only the token goes to stdout, so scripts can capture it.
 */
runScript(async () => {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const name = option('name', 'site-build');
  const type = option('type', 'read-only');
  if (!TYPES.has(type)) throw new Error(`--type must be read-only or full-access, not "${type}".`);

  const accessKey = await withStrapi(async (strapi) => {
    const tokens = strapi.service('admin::api-token-content-api') as unknown as TokenService;
    const existing = await tokens.getByName(name, { includeDecryptedKey: true });
    if (existing && existing.type !== type) {
      throw new Error(`A token named "${name}" already exists with type ${existing.type}; choose another --name.`);
    }
    if (existing && args.includes('--rotate')) return (await tokens.regenerate(existing.id)).accessKey;
    if (existing?.accessKey) return existing.accessKey;
    if (existing) throw new Error(`Token "${name}" exists but cannot be shown again (created without ENCRYPTION_KEY); rerun with --rotate.`);
    const description = type === 'read-only' ? 'Odczyt treści przy budowaniu strony i w podglądzie' : 'Pełny dostęp – tylko do skryptów i testów';
    return (await tokens.create({ name, description, type, lifespan: null })).accessKey;
  });
  process.stdout.write(`${accessKey}\n`);
});
