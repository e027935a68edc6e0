import type { Core } from '@strapi/strapi';
import { COMPONENT_LABELS, CONTENT_TYPE_LABELS, MAIN_FIELDS, type LabelMap } from '../content/labels';

interface FieldMetadata {
  edit?: Record<string, unknown>;
  list?: Record<string, unknown>;
}

interface Configuration {
  settings?: Record<string, unknown>;
  metadatas?: Record<string, FieldMetadata>;
  layouts?: Record<string, unknown>;
}

interface ConfigurationService {
  findConfiguration(model: { uid: string }): Promise<Configuration>;
  updateConfiguration(model: { uid: string }, configuration: Configuration): Promise<unknown>;
}

function withLabels(configuration: Configuration, labels: LabelMap, mainField?: string): Configuration {
  const metadatas = { ...(configuration.metadatas ?? {}) };
  for (const [field, { label, description, readOnly }] of Object.entries(labels)) {
    const current = metadatas[field];
    if (!current) continue;
    metadatas[field] = {
      edit: { ...current.edit, label, description: description ?? '', ...(readOnly ? { editable: false } : {}) },
      list: { ...current.list, label },
    };
  }
  const settings = mainField ? { ...configuration.settings, mainField } : configuration.settings;
  return { settings, metadatas, layouts: configuration.layouts };
}

/**
 * Puts the Polish field labels and hints into the admin's "configure the view" settings. Only
 * labels, hints and main fields are written; the layouts editors arranged are kept as they are.
 */
export async function applyAdminLabels(strapi: Core.Strapi): Promise<void> {
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types') as unknown as ConfigurationService;
  const components = contentManager.service('components') as unknown as ConfigurationService;

  for (const [uid, labels] of Object.entries(CONTENT_TYPE_LABELS)) {
    if (!strapi.contentTypes[uid as keyof typeof strapi.contentTypes]) throw new Error(`Admin labels name an unknown content type: ${uid}`);
    const current = await contentTypes.findConfiguration({ uid });
    await contentTypes.updateConfiguration({ uid }, withLabels(current, labels, MAIN_FIELDS[uid]));
  }
  for (const [uid, labels] of Object.entries(COMPONENT_LABELS)) {
    if (!strapi.components[uid as keyof typeof strapi.components]) throw new Error(`Admin labels name an unknown component: ${uid}`);
    const current = await components.findConfiguration({ uid });
    await components.updateConfiguration({ uid }, withLabels(current, labels));
  }
}
