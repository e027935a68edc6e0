import type { Core, UID } from '@strapi/strapi';

export interface DocumentRef {
  documentId: string;
}

type Status = 'draft' | 'published';
type Data = Record<string, unknown>;

/** The handful of document-service calls the seed makes, for any content type. */
export interface SeedDocuments {
  findBySlug(slug: string): Promise<DocumentRef | null>;
  findAny(): Promise<DocumentRef | null>;
  create(data: Data, status?: Status): Promise<DocumentRef>;
  update(documentId: string, data: Data, status: Status): Promise<DocumentRef>;
  exists(documentId: string): Promise<boolean>;
  /** How many entries the draft links in a to-many relation. */
  countLinked(documentId: string, relation: string): Promise<number>;
}

/** Strapi's service is generic per content type; the seed works across types with plain data. */
interface LooseDocumentService {
  findFirst(params: Data): Promise<DocumentRef | null>;
  findOne(params: Data): Promise<(DocumentRef & Data) | null>;
  create(params: Data): Promise<DocumentRef>;
  update(params: Data): Promise<DocumentRef | null>;
}

export function seedDocuments(strapi: Core.Strapi, uid: UID.ContentType): SeedDocuments {
  const service = strapi.documents(uid) as unknown as LooseDocumentService;
  return {
    // The draft version exists for published and unpublished documents alike.
    findBySlug: (slug) => service.findFirst({ filters: { slug }, status: 'draft', fields: ['documentId'] }),
    findAny: () => service.findFirst({ fields: ['documentId'] }),
    create: (data, status) => service.create(status ? { data, status } : { data }),
    exists: async (documentId) => (await strapi.db.query(uid).count({ where: { documentId } })) > 0,
    countLinked: async (documentId, relation) => {
      const doc = await service.findOne({ documentId, status: 'draft', populate: { [relation]: { fields: ['documentId'] } } });
      const linked = doc?.[relation];
      return Array.isArray(linked) ? linked.length : 0;
    },
    update: async (documentId, data, status) => {
      const doc = await service.update({ documentId, data, status });
      if (!doc) throw new Error(`${uid} ${documentId} vanished while seeding.`);
      return doc;
    },
  };
}
