import type { Core } from '@strapi/strapi';

/** Types with a page of their own on the site; the others (topics, areas, settings) only appear inside those pages. */
const PREVIEWABLE = new Set(['api::guide.guide', 'api::event.event', 'api::article.article', 'api::organization.organization', 'api::page.page', 'api::room.room', 'api::volunteer-offer.volunteer-offer']);

function originOf(url: string, variable: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`${variable} must be an absolute address such as http://localhost:4322, not "${url}".`);
  }
}

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const previewUrl = env('PREVIEW_URL', 'http://localhost:4322').replace(/\/+$/, '');
  const previewSecret = env('PREVIEW_SECRET', '');
  return {
    auth: { secret: env('ADMIN_JWT_SECRET') },
    apiToken: { salt: env('API_TOKEN_SALT') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
    // Lets editors view a token again after creating it (Settings → API Tokens).
    secrets: { encryptionKey: env('ENCRYPTION_KEY') },
    // Tests talk to the admin API only, so they can skip building the admin UI.
    serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
    flags: { nps: false, promoteEE: false },
    // "Open preview" sends the editor to the preview server (scripts/lib/preview.ts), which builds
    // the site from drafts and shows the entry's page. Without a secret that server would refuse
    // every request, so the button is only offered when one is set (npm start generates it).
    preview: {
      enabled: env.bool('PREVIEW_ENABLED', true) && previewSecret !== '',
      config: {
        // Strapi adds these to the admin's CSP frame-src, so the preview can show in its iframe.
        allowedOrigins: [originOf(previewUrl, 'PREVIEW_URL')],
        async handler(uid: string, { documentId, status }: { documentId?: string; status?: string }): Promise<string | null> {
          if (!PREVIEWABLE.has(uid) || !documentId) return null;
          // The admin asks with the document's state ("modified" too); the preview knows two versions.
          const query = new URLSearchParams({ uid, documentId, status: status === 'published' ? 'published' : 'draft', secret: previewSecret });
          return `${previewUrl}/podglad/?${query}`;
        },
      },
    },
  };
};
