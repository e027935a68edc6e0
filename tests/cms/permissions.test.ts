import { describe, expect, it } from 'vitest';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { PUBLIC_ACTIONS } from '../../cms/src/access/public-content';
import { call, cms } from './client.ts';

type ActionMap = Record<string, { enabled: boolean }>;
type RolePermissions = Record<string, { controllers: Record<string, ActionMap> }>;

describe('public role', () => {
  it('may only find and findOne the public content types', async () => {
    const roles = await call<{ roles: { id: number; type: string }[] }>('GET', '/users-permissions/roles', { auth: 'admin' });
    expect(roles.status).toBe(200);
    const publicRole = roles.body.roles.find((r) => r.type === 'public')!;
    const role = await call<{ role: { permissions: RolePermissions } }>('GET', `/users-permissions/roles/${publicRole.id}`, { auth: 'admin' });
    const enabled: string[] = [];
    for (const [plugin, { controllers }] of Object.entries(role.body.role.permissions)) {
      for (const [controller, actions] of Object.entries(controllers)) {
        for (const [action, { enabled: on }] of Object.entries(actions)) if (on) enabled.push(`${plugin}.${controller}.${action}`);
      }
    }
    expect(enabled.sort()).toEqual([...PUBLIC_ACTIONS].sort());
  });

  it('cannot self-register, because registration is switched off', async () => {
    const advanced = await call<{ settings: { allow_register: boolean } }>('GET', '/users-permissions/advanced', { auth: 'admin' });
    expect(advanced.body.settings.allow_register).toBe(false);
  });
});

describe('public role after a mistake in the admin', () => {
  it('loses a permission ticked by mistake at the next start', async () => {
    const roles = await call<{ roles: { id: number; type: string }[] }>('GET', '/users-permissions/roles', { auth: 'admin' });
    const { id } = roles.body.roles.find((r) => r.type === 'public')!;
    const read = async () => (await call<{ role: { name: string; description: string; permissions: RolePermissions } }>('GET', `/users-permissions/roles/${id}`, { auth: 'admin' })).body.role;
    const role = await read();
    role.permissions['api::event']!.controllers.event!.create!.enabled = true;
    const saved = await call('PUT', `/users-permissions/roles/${id}`, { auth: 'admin', body: { name: role.name, description: role.description, permissions: role.permissions } });
    expect(saved.status).toBe(200);
    expect((await read()).permissions['api::event']!.controllers.event!.create!.enabled).toBe(true);

    // Any start of Strapi runs the bootstrap; the seed script is the quickest one.
    await runCmsScript('seed', ['--if-empty'], { env: cms().env, capture: true });
    expect((await read()).permissions['api::event']!.controllers.event!.create!.enabled).toBe(false);
    expect((await read()).permissions['api::event']!.controllers.event!.find!.enabled).toBe(true);
  });
});

describe('API token script', () => {
  it('prints the same read-only token on every run, and that token reads but cannot write', async () => {
    const again = (await runCmsScript('create-api-token', ['--name', 'seeded-read-only', '--type', 'read-only'], { env: cms().env, capture: true })).trim();
    expect(again).toBe(cms().readToken);
    // Only the token reaches stdout, so `STRAPI_TOKEN=$(npm run token --silent)` works.
    expect(again).toMatch(/^[0-9a-f]{256}$/);
    expect((await call('GET', '/api/events', { auth: 'read' })).status).toBe(200);
    expect((await call('POST', '/api/areas', { auth: 'read', body: { data: { name: 'Nie' } } })).status).toBe(403);
  });
});
