import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from './public-content';

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

interface PermissionRow {
  id: number;
  action: string;
}

/**
 * Makes the Public role able to read the public content types and nothing else, on every boot,
 * so a permission ticked by mistake in the admin is reverted. The site has no end-user accounts,
 * so self-registration is switched off as well.
 */
export async function enforcePublicPermissions(strapi: Core.Strapi): Promise<{ added: string[]; removed: string[] }> {
  const role = (await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } })) as { id: number } | null;
  if (!role) throw new Error('users-permissions: the Public role is missing, so public read access cannot be configured.');

  const current = (await strapi.db.query(PERMISSION_UID).findMany({ where: { role: role.id } })) as PermissionRow[];
  const wanted = new Set(PUBLIC_ACTIONS);
  const removed = current.filter((permission) => !wanted.has(permission.action));
  if (removed.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: removed.map((p) => p.id) } } });
  }
  const have = new Set(current.map((permission) => permission.action));
  const added = PUBLIC_ACTIONS.filter((action) => !have.has(action));
  for (const action of added) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });

  return { added: [...added], removed: removed.map((p) => p.action) };
}
