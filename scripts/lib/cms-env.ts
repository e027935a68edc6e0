import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CMS_ENV_FILE } from './paths.ts';

const secret = (): string => randomBytes(24).toString('base64');

/** Every secret Strapi refuses to start without (and those of the draft preview and the rebuild webhook), with a generator for a fresh install. */
const SECRETS: Record<string, () => string> = {
  APP_KEYS: () => Array.from({ length: 4 }, secret).join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
  PREVIEW_SECRET: secret,
  // Sent in an HTTP header by the CMS webhook: hex keeps it free of characters that need quoting.
  REBUILD_SECRET: () => randomBytes(24).toString('hex'),
  // Derives the tokens of the links in sign-up mails (cms/src/registrations/service.ts).
  REGISTRATION_SECRET: secret,
};

/**
 * Parses KEY=VALUE lines the way dotenv (which Strapi uses) does for this file's needs: quoted
 * values are taken as they are, unquoted ones end at a " #" comment; the last duplicate wins.
 */
export function parseEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match?.[1]) continue;
    const raw = (match[2] ?? '').trim();
    const quoted = /^(['"])(.*)\1$/.exec(raw);
    values[match[1]] = quoted ? (quoted[2] ?? '') : raw.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
  }
  return values;
}

/** A full set of fresh secrets, e.g. for a throwaway test server. */
export function generateSecrets(): Record<string, string> {
  return Object.fromEntries(Object.entries(SECRETS).map(([name, make]) => [name, make()]));
}

/**
 * Adds the secrets missing from cms/.env (creating it if needed) and keeps every line already
 * there, so a hand-edited file survives. Returns the names it generated.
 */
export function ensureCmsEnv(file = CMS_ENV_FILE): string[] {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const present = parseEnv(text);
  const missing = Object.keys(SECRETS).filter((name) => !present[name] && !process.env[name]);
  if (missing.length === 0) return [];
  const header = text ? '' : '# Generated on first run; keep it private (it is git-ignored). See .env.example.\n';
  const lines = missing.map((name) => `${name}=${SECRETS[name]!()}`);
  writeFileSync(file, `${header}${text}${text && !text.endsWith('\n') ? '\n' : ''}${lines.join('\n')}\n`, { mode: 0o600 });
  return missing;
}
