import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/paths.ts';
import { COMPONENT_LABELS, CONTENT_TYPE_LABELS } from '../../cms/src/content/labels';
import { call } from './client.ts';

type Metadatas = Record<string, { edit: { label: string; description: string; editable?: boolean } }>;

const apiDir = path.join(CMS_DIR, 'src', 'api');
// An API of routes only (org-join-request) has no content type.
const contentTypes = readdirSync(apiDir)
  .filter((name) => existsSync(path.join(apiDir, name, 'content-types', name, 'schema.json')))
  .map((name) => ({
    uid: `api::${name}.${name}`,
    attributes: Object.keys((JSON.parse(readFileSync(path.join(apiDir, name, 'content-types', name, 'schema.json'), 'utf8')) as { attributes: object }).attributes),
  }));
const componentsDir = path.join(CMS_DIR, 'src', 'components');
const components = readdirSync(componentsDir).flatMap((category) =>
  readdirSync(path.join(componentsDir, category)).map((file) => ({
    uid: `${category}.${file.replace(/\.json$/, '')}`,
    attributes: Object.keys((JSON.parse(readFileSync(path.join(componentsDir, category, file), 'utf8')) as { attributes: object }).attributes),
  })),
);

describe('admin panel in Polish', () => {
  it.each(contentTypes)('labels every field of $uid', async ({ uid, attributes }) => {
    const labels = CONTENT_TYPE_LABELS[uid] ?? {};
    expect(Object.keys(labels).sort()).toEqual([...attributes].sort());
    const { status, body } = await call<{ data: { contentType: { metadatas: Metadatas } } }>('GET', `/content-manager/content-types/${uid}/configuration`, { auth: 'admin' });
    expect(status).toBe(200);
    for (const field of attributes) {
      expect(body.data.contentType.metadatas[field]?.edit.label, `${uid}.${field}`).toBe(labels[field]!.label);
      // What the CMS sets (a consent text's version) is shown, not editable.
      if (labels[field]!.readOnly) expect(body.data.contentType.metadatas[field]?.edit.editable, `${uid}.${field}`).toBe(false);
    }
  });

  it.each(components)('labels every field of component $uid', async ({ uid, attributes }) => {
    const labels = COMPONENT_LABELS[uid] ?? {};
    expect(Object.keys(labels).sort()).toEqual([...attributes].sort());
    const { body } = await call<{ data: { component: { metadatas: Metadatas } } }>('GET', `/content-manager/components/${uid}/configuration`, { auth: 'admin' });
    for (const field of attributes) {
      expect(body.data.component.metadatas[field]?.edit.label, `${uid}.${field}`).toBe(labels[field]!.label);
    }
  });
});
