import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/paths.ts';
import { PUBLIC_COLLECTION_TYPES } from '../../cms/src/access/public-content';
import { LOCALIZED_TYPES } from '../../cms/src/languages/locales';

interface Schema {
  kind: string;
  info: { singularName: string; pluralName: string; displayName: string };
  options: { draftAndPublish?: boolean; populateCreatorFields?: boolean };
  pluginOptions?: { i18n?: { localized?: boolean } };
  attributes: Record<string, { type: string; maxLength?: number; component?: string; targetField?: string; private?: boolean; pluginOptions?: { i18n?: { localized?: boolean } } }>;
}

const read = <T>(...parts: string[]): T => JSON.parse(readFileSync(path.join(CMS_DIR, ...parts), 'utf8')) as T;
const apiDir = path.join(CMS_DIR, 'src', 'api');
// An API of routes only (org-join-request, which stores org-submissions) has no content type.
const schemas = Object.fromEntries(
  readdirSync(apiDir)
    .filter((name) => existsSync(path.join(apiDir, name, 'content-types', name, 'schema.json')))
    .map((name) => [`api::${name}.${name}`, read<Schema>('src', 'api', name, 'content-types', name, 'schema.json')]),
);

describe('content model', () => {
  it('translates exactly the types the languages module names', () => {
    const translated = Object.entries(schemas).filter(([, schema]) => schema.pluginOptions?.i18n?.localized === true).map(([uid]) => uid);
    expect(translated.sort()).toEqual([...LOCALIZED_TYPES].sort());
  });

  it('says of every field of a translated type whether it is translated, and translates every component (strapi/strapi#25802)', () => {
    for (const uid of LOCALIZED_TYPES) {
      for (const [name, attribute] of Object.entries(schemas[uid]!.attributes)) {
        // Relations are per language in Strapi 5 whatever the schema says; the site takes them from the Polish entry.
        if (attribute.type === 'relation') continue;
        expect(typeof attribute.pluginOptions?.i18n?.localized, `${uid}.${name}`).toBe('boolean');
        if (attribute.type === 'component' || attribute.type === 'dynamiczone') expect(attribute.pluginOptions?.i18n?.localized, `${uid}.${name}`).toBe(true);
        if (attribute.type === 'uid') expect(attribute.pluginOptions?.i18n?.localized, `${uid}.${name}`).toBe(true);
      }
    }
  });

  it('has exactly the API ids the site and external checks rely on', () => {
    expect(Object.keys(schemas).sort()).toEqual(
      ['api::area.area', 'api::article.article', 'api::category.category', 'api::consent-version.consent-version', 'api::event.event', 'api::global.global', 'api::guide-comment.guide-comment', 'api::guide-feedback.guide-feedback', 'api::guide.guide', 'api::job-lock.job-lock', 'api::org-panel-link.org-panel-link', 'api::org-panel-session.org-panel-session', 'api::org-submission.org-submission', 'api::organization.organization', 'api::page.page', 'api::registration-tally.registration-tally', 'api::registration.registration', 'api::room-request.room-request', 'api::room.room', 'api::volunteer-application.volunteer-application', 'api::volunteer-interest.volunteer-interest', 'api::volunteer-offer.volunteer-offer'],
    );
    const routes = Object.fromEntries(Object.entries(schemas).map(([uid, s]) => [uid, s.kind === 'singleType' ? s.info.singularName : s.info.pluralName]));
    expect(routes).toMatchObject({ 'api::article.article': 'articles', 'api::category.category': 'categories', 'api::global.global': 'global', 'api::event.event': 'events' });
  });

  it('has draft & publish on every public collection type, and global is a single type', () => {
    expect(schemas['api::global.global']!.kind).toBe('singleType');
    for (const uid of PUBLIC_COLLECTION_TYPES) expect(schemas[uid]!.options.draftAndPublish, uid).toBe(true);
  });

  it('keeps registrations, which hold personal data, out of drafts, slugs and the public types', () => {
    const registration = schemas['api::registration.registration']!;
    expect(registration.options.draftAndPublish).toBe(false);
    expect(registration.attributes.slug).toBeUndefined();
    expect(PUBLIC_COLLECTION_TYPES as readonly string[]).not.toContain('api::registration.registration');
  });

  it('marks every attribute of the collections holding personal data private, so that webhooks carry only their ids', () => {
    // Strapi sends a changed entry to webhooks (the rebuild service) through defaultSanitizeOutput,
    // which drops private attributes; the admin's own sanitizer keeps them, so editors still see and
    // edit every field. An attribute added here without "private" would leave the CMS with every
    // editor's decision. (The attributes Strapi adds itself — ids, timestamps — are not in schema.json.)
    const personal = ['api::guide-comment.guide-comment', 'api::org-panel-link.org-panel-link', 'api::org-panel-session.org-panel-session', 'api::org-submission.org-submission', 'api::registration.registration', 'api::room-request.room-request', 'api::volunteer-application.volunteer-application', 'api::volunteer-interest.volunteer-interest'];
    for (const uid of personal) {
      const attributes = Object.entries(schemas[uid]!.attributes);
      expect(attributes.length, uid).toBeGreaterThan(0);
      expect(attributes.filter(([, attribute]) => attribute.private !== true).map(([name]) => name), `${uid}: attributes without "private": true`).toEqual([]);
      // That option would make the editors who last touched an entry (createdBy, updatedBy) public too.
      expect(schemas[uid]!.options.populateCreatorFields, uid).not.toBe(true);
    }
  });

  it('gives every public collection a slug generated from its title or name', () => {
    for (const uid of PUBLIC_COLLECTION_TYPES) {
      const schema = schemas[uid]!;
      expect(schema.attributes.slug?.type, uid).toBe('uid');
      expect(['title', 'name'], uid).toContain(schema.attributes.slug?.targetField);
    }
  });

  it('limits SEO texts to what search engines show', () => {
    const seo = read<Schema>('src', 'components', 'shared', 'seo.json');
    expect(seo.attributes.metaTitle?.maxLength).toBe(60);
    expect(seo.attributes.metaDescription?.maxLength).toBe(160);
    expect(Object.keys(seo.attributes).sort()).toEqual(['metaDescription', 'metaTitle', 'noindex', 'shareImage']);
    expect(schemas['api::article.article']!.attributes.excerpt?.maxLength).toBe(300);
  });

  it('avoids attribute names Strapi 5 reserves', () => {
    const reserved = ['id', 'document_id', 'documentId', 'status', 'locale', 'localizations', 'meta', 'created_at', 'updated_at', 'published_at'];
    for (const [uid, schema] of Object.entries(schemas)) {
      for (const name of Object.keys(schema.attributes)) expect(reserved, `${uid}.${name}`).not.toContain(name);
    }
  });
});
