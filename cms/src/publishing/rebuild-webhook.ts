import type { Core } from '@strapi/strapi';
import { withKeyLock } from '../public-forms/lock';

/**
 * The webhook that tells the rebuild service "content changed". It is kept in step with the
 * environment at every start (REBUILD_WEBHOOK_URL, REBUILD_SECRET), so nobody has to click it
 * together in Settings → Webhooks, and a rotated secret reaches Strapi on the next start.
 */
export const WEBHOOK_NAME = 'Przebudowa strony (zarządzane automatycznie)';

/** What may change the public site: publishing, unpublishing, deleting, saving single types, media. */
const WANTED_EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'media.create', 'media.update', 'media.delete'];

interface Webhook {
  id: string;
  name: string;
  url: string;
  headers: Record<string, string>;
  events: string[];
  isEnabled: boolean;
}

interface WebhookStore {
  findWebhooks(): Promise<Webhook[]>;
  createWebhook(data: Omit<Webhook, 'id' | 'isEnabled'>): Promise<Webhook>;
  updateWebhook(id: string, data: Omit<Webhook, 'id'>): Promise<Webhook | null>;
  deleteWebhook(id: string): Promise<unknown>;
  listAllowedEvents(): string[];
  getAllowedEvent(key: string): string | undefined;
}

interface WebhookRunner {
  update(webhook: Webhook): void;
  remove(webhook: Webhook): void;
}

/**
 * Several instances start at once on one database: each syncs under the same lock, so the first
 * creates the webhook and the others find it (and each puts it into its own runner).
 */
export function syncRebuildWebhook(strapi: Core.Strapi): Promise<string> {
  return withKeyLock(strapi, 'rebuild-webhook-sync', () => syncUnlocked(strapi));
}

async function syncUnlocked(strapi: Core.Strapi): Promise<string> {
  const store = strapi.get('webhookStore') as WebhookStore;
  const runner = strapi.get('webhookRunner') as WebhookRunner;
  const url = process.env.REBUILD_WEBHOOK_URL?.trim();
  const secret = process.env.REBUILD_SECRET?.trim();
  const [existing, ...extra] = (await store.findWebhooks()).filter((webhook) => webhook.name === WEBHOOK_NAME);
  // Copies from instances that started together before this lock existed would call the service twice.
  for (const copy of extra) {
    await store.deleteWebhook(copy.id);
    runner.remove(copy);
  }

  if (!url) {
    if (existing?.isEnabled) {
      const disabled = await store.updateWebhook(existing.id, { ...existing, isEnabled: false });
      if (disabled) runner.update(disabled);
      return 'rebuild webhook disabled (REBUILD_WEBHOOK_URL is not set)';
    }
    return 'rebuild webhook not configured (REBUILD_WEBHOOK_URL is not set)';
  }
  if (!secret) throw new Error('REBUILD_WEBHOOK_URL is set but REBUILD_SECRET is empty: the rebuild service refuses calls without the shared secret.');

  // Media events exist only while the upload plugin is installed; ask the store what it knows.
  const allowed = new Set(store.listAllowedEvents().map((key) => store.getAllowedEvent(key)));
  const data = { name: WEBHOOK_NAME, url, headers: { Authorization: `Bearer ${secret}` }, events: WANTED_EVENTS.filter((event) => allowed.has(event)) };
  const saved = existing ? await store.updateWebhook(existing.id, { ...data, isEnabled: true }) : await store.createWebhook(data);
  if (!saved) throw new Error(`The rebuild webhook could not be saved (id ${existing?.id}).`);
  // The runner loaded the stored webhooks before this bootstrap; update() replaces any old copy.
  runner.update(saved);
  return `rebuild webhook → ${url} (${data.events.join(', ')})`;
}
