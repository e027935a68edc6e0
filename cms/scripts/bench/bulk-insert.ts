/**
 * Writes many published documents straight into the database, the way Strapi 5 stores them: a
 * draft row and a published row per document, each with its own copies of the components, and
 * relations linking draft to draft and published to published. Tables and columns come from
 * Strapi's own metadata; rows go in through the query engine's createMany (so values are
 * converted as Strapi converts them) and the link tables with plain batch inserts.
 *
 * No document-service middleware, lifecycle or webhook runs: this is for benchmark data that was
 * checked against the CMS rules beforehand (see bench-fill.ts), tens of thousands at a time.
 * Call it inside strapi.db.transaction and pass its `trx`.
 */
import type { Core, UID } from '@strapi/strapi';
import { DEFAULT_LANGUAGE, isLocalizedType } from '../../src/languages/locales';
import type { Knex } from 'knex';
import type { BenchDocument, Data } from './content';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  /** Component links: { field: <attribute name> }. */
  on?: Record<string, string>;
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

interface AttributeSchema {
  type: string;
  component?: string;
  repeatable?: boolean;
  target?: string;
  mappedBy?: string;
}

/** Strapi 5's column for the component's uid in a `<table>_cmps` link table. */
const COMPONENT_TYPE_COLUMN = 'component_type';
const CHUNK = 500;

type Version = 'draft' | 'published';
/** documentId → row id of each version. */
export type RowIds = Map<string, Record<Version, number>>;

export class BulkWriter {
  private readonly rowIds = new Map<string, RowIds>();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly trx: Knex.Transaction,
    private readonly now = new Date(),
  ) {}

  /**
   * Creates the documents with their components. Relations are linked by linkRelations once every
   * document they point at exists (guides relate to guides, events to new organizations).
   */
  async insertDocuments(uid: UID.ContentType, documents: BenchDocument[]): Promise<void> {
    const attributes = this.schemaOf(uid);
    for (let i = 0; i < documents.length; i += CHUNK) {
      const batch = documents.slice(i, i + CHUNK);
      const rows = (['draft', 'published'] as const).flatMap((version) =>
        batch.map(({ documentId, data }) => ({
          ...scalars(attributes, data),
          documentId,
          // Translated types keep their Polish entry in the default locale, as the document service does.
          locale: isLocalizedType(uid) ? DEFAULT_LANGUAGE : null,
          createdAt: this.now,
          updatedAt: this.now,
          publishedAt: version === 'published' ? this.now : null,
        })),
      );
      const ids = await this.createMany(uid, rows);
      const owners = rows.map((row, k) => ({ rowId: ids[k]!, data: batch[k % batch.length]!.data }));
      await this.insertComponents(uid, owners);
    }
    this.rowIds.delete(uid);
  }

  /**
   * A translation of every `every`-th document into each language: the same document in another
   * locale, with its words marked by language and the shared fields copied, as the CMS keeps them
   * (cms/src/languages/). Draft and published, like the documents. Returns how many documents got translations.
   */
  async insertTranslations(uid: UID.ContentType, documents: BenchDocument[], languages: readonly string[], words: readonly string[], every: number): Promise<number> {
    const attributes = this.schemaOf(uid);
    const chosen = documents.filter((_, index) => index % every === 0);
    for (const language of languages) {
      for (let i = 0; i < chosen.length; i += CHUNK) {
        const rows = (['draft', 'published'] as const).flatMap((version) =>
          chosen.slice(i, i + CHUNK).map(({ documentId, data }) => {
            const row = scalars(attributes, data);
            for (const word of words) if (typeof row[word] === 'string') row[word] = word === 'slug' ? row[word] : `[${language}] ${String(row[word])}`;
            return { ...row, documentId, locale: language, createdAt: this.now, updatedAt: this.now, publishedAt: version === 'published' ? this.now : null };
          }),
        );
        await this.createMany(uid, rows);
      }
    }
    return chosen.length;
  }

  /** Links every relation the documents' data names, by documentId, version to version. */
  async linkRelations(uid: UID.ContentType, documents: BenchDocument[]): Promise<void> {
    const attributes = this.schemaOf(uid);
    const meta = this.metadata(uid);
    const own = await this.rowIdsOf(uid);
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type !== 'relation' || !documents.some(({ data }) => name in data)) continue;
      const joinTable = meta.attributes[name]?.joinTable as JoinTable | undefined;
      if (!joinTable) throw new Error(`${uid}.${name}: no join table in Strapi's metadata; this writer only knows link-table relations.`);
      const targets = await this.rowIdsOf(attribute.target as UID.ContentType);
      // New links go after the ones already there (the seed's) in the target's own ordering.
      const inverseOrder = joinTable.inverseOrderColumnName ? await this.maxOrders(joinTable, joinTable.inverseOrderColumnName) : new Map<number, number>();
      const links: Data[] = [];
      for (const { documentId, data } of documents) {
        const value = data[name];
        const related = (Array.isArray(value) ? value : value ? [value] : []) as string[];
        for (const version of ['draft', 'published'] as const) {
          related.forEach((targetDocumentId, index) => {
            const target = targets.get(targetDocumentId)?.[version];
            if (target === undefined) throw new Error(`${uid} ${documentId}.${name}: no ${version} ${attribute.target} ${targetDocumentId}.`);
            const link: Data = { [joinTable.joinColumn.name]: own.get(documentId)![version], [joinTable.inverseJoinColumn.name]: target };
            if (joinTable.orderColumnName) link[joinTable.orderColumnName] = index + 1;
            if (joinTable.inverseOrderColumnName) {
              const order = (inverseOrder.get(target) ?? 0) + 1;
              inverseOrder.set(target, order);
              link[joinTable.inverseOrderColumnName] = order;
            }
            links.push(link);
          });
        }
      }
      await this.insertPlain(joinTable.name, links);
    }
  }

  /** Component rows for each owner row, then their link rows, then their own components. */
  private async insertComponents(ownerUid: string, owners: { rowId: number; data: Data }[]): Promise<void> {
    const meta = this.metadata(ownerUid);
    for (const [name, attribute] of Object.entries(this.schemaOf(ownerUid))) {
      if (attribute.type !== 'component' || !attribute.component) continue;
      const joinTable = meta.attributes[name]?.joinTable as JoinTable | undefined;
      const field = joinTable?.on ? Object.keys(joinTable.on)[0] : undefined;
      if (!joinTable || !field) throw new Error(`${ownerUid}.${name}: no component link table in Strapi's metadata.`);
      const items: { ownerId: number; order: number | null; data: Data }[] = [];
      for (const owner of owners) {
        const value = owner.data[name];
        if (value === null || value === undefined) continue;
        const list = (attribute.repeatable ? value : [value]) as Data[];
        list.forEach((data, index) => items.push({ ownerId: owner.rowId, order: attribute.repeatable ? index + 1 : null, data }));
      }
      if (items.length === 0) continue;
      const componentAttributes = this.schemaOf(attribute.component);
      const ids = await this.createMany(attribute.component, items.map((item) => scalars(componentAttributes, item.data)));
      await this.insertPlain(
        joinTable.name,
        items.map((item, k) => ({
          [joinTable.joinColumn.name]: item.ownerId,
          [joinTable.inverseJoinColumn.name]: ids[k],
          [COMPONENT_TYPE_COLUMN]: attribute.component,
          [field]: name,
          ...(joinTable.orderColumnName ? { [joinTable.orderColumnName]: item.order } : {}),
        })),
      );
      await this.insertComponents(attribute.component, items.map((item, k) => ({ rowId: ids[k]!, data: item.data })));
    }
  }

  /**
   * The query engine's batch insert (Strapi's conversions and defaults), in CHUNK-row statements.
   * Ids come back in insertion order; sorted to be sure, since one statement numbers its rows in order.
   */
  private async createMany(uid: string, rows: Data[]): Promise<number[]> {
    const ids: number[] = [];
    const query = this.strapi.db.query(uid as UID.Schema);
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      const result = await query.createMany({ data: chunk });
      const chunkIds = result.ids.map(Number).sort((a, b) => a - b);
      if (chunkIds.length !== chunk.length) throw new Error(`${uid}: inserted ${chunk.length} rows but got ${chunkIds.length} ids back.`);
      ids.push(...chunkIds);
    }
    return ids;
  }

  private async insertPlain(table: string, rows: Data[]): Promise<void> {
    for (let i = 0; i < rows.length; i += CHUNK) await this.trx(table).insert(rows.slice(i, i + CHUNK));
  }

  /** Every row of a content type by documentId and version (the seed's included). */
  private async rowIdsOf(uid: UID.ContentType): Promise<RowIds> {
    const cached = this.rowIds.get(uid);
    if (cached) return cached;
    const meta = this.metadata(uid);
    const column = (name: string) => meta.attributes[name]!.columnName as string;
    // Relations are linked between the Polish rows; a translation has its own (the site reads the Polish ones).
    const select = this.trx(meta.tableName).select({ id: 'id', documentId: column('documentId'), publishedAt: column('publishedAt') });
    const rows = (await (isLocalizedType(uid) ? select.where(column('locale'), DEFAULT_LANGUAGE) : select)) as { id: number; documentId: string; publishedAt: unknown }[];
    const map: RowIds = new Map();
    for (const row of rows) {
      const entry = map.get(row.documentId) ?? { draft: -1, published: -1 };
      entry[row.publishedAt === null ? 'draft' : 'published'] = row.id;
      map.set(row.documentId, entry);
    }
    this.rowIds.set(uid, map);
    return map;
  }

  private async maxOrders(joinTable: JoinTable, orderColumn: string): Promise<Map<number, number>> {
    const target = joinTable.inverseJoinColumn.name;
    const rows = (await this.trx(joinTable.name).select(target).max({ order: orderColumn }).groupBy(target)) as Record<string, number>[];
    return new Map(rows.map((row) => [Number(row[target]), Number(row.order ?? 0)]));
  }

  private schemaOf(uid: string): Record<string, AttributeSchema> {
    type Schemas = Record<string, { attributes: unknown } | undefined>;
    const schema = (this.strapi.contentTypes as unknown as Schemas)[uid] ?? (this.strapi.components as unknown as Schemas)[uid];
    if (!schema) throw new Error(`Unknown content type or component ${uid}.`);
    return schema.attributes as Record<string, AttributeSchema>;
  }

  private metadata(uid: string): { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: unknown }> } {
    return this.strapi.db.metadata.get(uid) as unknown as { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: unknown }> };
  }
}

const NOT_SCALAR = new Set(['component', 'dynamiczone', 'relation', 'media']);

/** The fields stored in the row itself; components, relations and media are written separately. */
function scalars(attributes: Record<string, AttributeSchema>, data: Data): Data {
  const row: Data = {};
  for (const [name, value] of Object.entries(data)) {
    const attribute = attributes[name];
    if (!attribute) throw new Error(`Unknown field "${name}".`);
    if (!NOT_SCALAR.has(attribute.type)) row[name] = value;
  }
  return row;
}
