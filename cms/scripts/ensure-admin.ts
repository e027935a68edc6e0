import { randomBytes } from 'node:crypto';
import { runScript, withStrapi } from './load-strapi';

interface UserService {
  exists(attributes?: Record<string, unknown>): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<{ email: string }>;
}

interface RoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
}

/**
 * Makes sure the admin panel has someone who can log in, for a fresh local install:
 *   node dist/scripts/ensure-admin.js
 * When there is no administrator yet, creates one (Super Admin) from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or with a generated password. Prints JSON: {"created":false} or
 * {"created":true,"email":…,"password":…,"generated":true|false}; the caller shows it once.
 */
runScript(async () => {
  const result = await withStrapi(async (strapi) => {
    const users = strapi.service('admin::user') as unknown as UserService;
    const roles = strapi.service('admin::role') as unknown as RoleService;
    if (await users.exists()) return { created: false };
    const superAdmin = await roles.getSuperAdmin();
    if (!superAdmin) throw new Error('The Super Admin role is missing; start Strapi once so it creates its default roles.');
    const email = process.env.ADMIN_EMAIL?.trim() || 'admin@co.example.pl';
    const generated = !process.env.ADMIN_PASSWORD;
    // Strapi asks for 8+ characters with a lower-case letter, an upper-case letter and a digit.
    const password = process.env.ADMIN_PASSWORD || `Co-${randomBytes(9).toString('base64url')}-7a`;
    await users.create({ email, firstname: 'Administrator', lastname: 'Centrum', password, isActive: true, registrationToken: null, roles: [superAdmin.id] });
    return { created: true, email, password, generated };
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
});
