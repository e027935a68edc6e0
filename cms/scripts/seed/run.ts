import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createId } from '@paralleldrive/cuid2';
import type { Core, UID } from '@strapi/strapi';
import type { DateTime } from 'luxon';
import { readSeed, translatedSlug, TRANSLATION_LANGUAGES, type MarkdownEntry, type SeedData, type TranslationLanguage } from './read';
import type { Media, TranslationFrontMatter, SeedEvent, SeedJoinRequest, SeedProposal, SeedVolunteerOffer } from './files';
import { daysToWeekday, seedingDay, toDateString, toInstant, toStrapiTime } from './relative-dates';
import { seedDocuments, type DocumentRef, type SeedDocuments } from './documents';
import { findUnit, upcomingDates } from '../../src/registrations/rules';
import { insertRegistration, loadEvent, REGISTRATION } from '../../src/registrations/service';
import { FEEDBACK, loadGuide, record } from '../../src/feedback/service';
import { firstMeeting, firstConflict, meetings } from '../../src/room-requests/rules';
import { busyIntervals, insertRoomRequest, loadRoom, ROOM_REQUEST, spanOf } from '../../src/room-requests/service';
import { linkToken, newLink, newLinkId } from '../../src/public-forms/link-tokens';
import { consentHistory, ensureConsentHistory } from '../../src/public-forms/consent';
import { APPLICATION, insertApplication, loadOffer } from '../../src/volunteering/service';
import { PERSONAL_FIELDS } from '../../src/volunteering/timed';
import { CONSENT_FORMS, currentVersion, type ConsentForm } from '../../src/public-forms/consent-rules';
import { KIND_UID, SUBMISSION } from '../../src/org-panel/submissions';
import { sameOrganization } from '../../src/org-panel/join-rules';
import { isRecord } from '../../src/validation/write-shapes';

type Data = Record<string, unknown>;

const ORGANIZATION = 'api::organization.organization';

/** The Document Service's update as the panel calls it: without a status it writes the draft only. */
interface DraftWriter {
  update(params: { documentId: string; data: Data }): Promise<{ documentId: string } | null>;
}

export interface SeedReport {
  created: Record<string, number>;
  existing: Record<string, number>;
  uploaded: number;
}

export interface SeedOptions {
  dir: string;
  /** YYYY-MM-DD; relative dates are counted from it. Defaults to today in Kraków. */
  today?: string;
  log?: (line: string) => void;
}

const MIME_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ods': 'application/vnd.oasis.opendocument.spreadsheet',
};

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/**
 * Loads the seed content through Strapi's document service — so every entry passes the same
 * validation as an editor's — creating only what is missing. Entries are matched by slug and
 * media by file name, so a second run creates nothing and leaves editors' changes alone.
 */
export async function seed(strapi: Core.Strapi, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const data = readSeed(options.dir);
  const base = seedingDay(options.today);
  const seeder = new Seeder(strapi, data, base, log);
  await seeder.run();
  return seeder.report;
}

class Seeder {
  readonly report: SeedReport = { created: {}, existing: {}, uploaded: 0 };
  private readonly documentIds = new Map<string, string>();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly data: SeedData,
    private readonly base: DateTime,
    private readonly log: (line: string) => void,
  ) {}

  async run(): Promise<void> {
    const { data } = this;
    // First: the demo sign-ups and room requests record the consent versions the settings hold.
    await this.seedGlobal();
    await this.each('api::area.area', 'obszary działania', data.areas, async (area) => ({ name: area.name, nameUk: area.nameUk, nameEn: area.nameEn, slug: area.slug, description: area.description }));
    await this.each('api::category.category', 'tematy bazy wiedzy', data.categories, async (c) => ({ name: c.name, slug: c.slug, description: c.description, order: c.order ?? 0 }));
    const roomsCreated = await this.each('api::room.room', 'sale', data.rooms, async (room) => ({
      name: room.name,
      slug: room.slug,
      summary: room.summary,
      description: room.description,
      capacity: room.capacity,
      surface: room.surface,
      floor: room.floor,
      equipment: room.equipment.map((name) => ({ name })),
      accessibility: room.accessibility,
      photos: await this.uploadAll(room.photos),
      howToBook: room.howToBook,
      seo: room.seo,
    }));
    await this.each('api::organization.organization', 'organizacje', data.organizations, async (org) => ({
      ...pick(org, ['name', 'slug', 'legalForm', 'krs', 'nip', 'regon', 'shortDescription', 'description', 'district', 'website', 'email', 'phone', 'address', 'socialLinks', 'acceptsVolunteers', 'volunteering', 'panelPersons', 'trusted', 'seo']),
      logo: org.logo ? await this.upload(org.logo) : undefined,
      areas: org.areas.map((slug) => this.ref('api::area.area', slug)),
    }));
    const guidesCreated = await this.each('api::guide.guide', 'poradniki', data.guides, async ({ meta, body }) => ({
      ...pick(meta, ['title', 'slug', 'summary', 'audience', 'author', 'authorRole', 'seo']),
      body,
      category: meta.category ? this.ref('api::category.category', meta.category) : undefined,
      reviewedAt: meta.reviewedDaysAgo === undefined ? undefined : toDateString(this.base, -meta.reviewedDaysAgo),
      attachments: await this.uploadAll(meta.attachments.map((a) => ({ file: a.file, alt: a.caption }))),
    }), (guide) => guide.meta);
    await this.linkRelatedGuides(guidesCreated);
    await this.seedGuideFeedback(guidesCreated);
    const eventsCreated = await this.each('api::event.event', 'wydarzenia', data.events, async (event) => this.eventData(event));
    await this.seedRegistrations(eventsCreated);
    await this.seedRoomRequests(roomsCreated);
    await this.each('api::article.article', 'aktualności', data.articles, async ({ meta, body }) => ({
      ...pick(meta, ['title', 'slug', 'excerpt', 'author', 'seo']),
      body,
      publicationDate: toDateString(this.base, -meta.daysAgo),
      cover: meta.cover ? await this.upload(meta.cover) : undefined,
    }), (article) => article.meta);
    const offersCreated = await this.each('api::volunteer-offer.volunteer-offer', 'oferty wolontariatu', data.volunteerOffers, async (offer) => this.volunteerOfferData(offer));
    await this.seedVolunteerApplications(offersCreated);
    await this.each('api::page.page', 'strony', data.pages, async ({ meta, body }) => ({ title: meta.title, slug: meta.slug, body, seo: meta.seo }), (page) => page.meta);
    // Proposals refer to the organisations, areas and the slugs of events and offers above.
    await this.seedOrgSubmissions();
    // Last: translations add words to the Polish entries above.
    for (const language of TRANSLATION_LANGUAGES) await this.seedTranslations(language);
  }

  /**
   * Ukrainian and English versions of the Polish entries, as an editor adds them with the admin's
   * language switch: the same document in another locale, with its words only (languages/ copies
   * the shared fields from the Polish entry), published when the Polish entry is. A language an
   * entry already has is left alone, so editors' translations survive a second run.
   */
  private async seedTranslations(language: TranslationLanguage): Promise<void> {
    const translations = this.data.translations[language];
    let created = 0;
    let existing = 0;
    const add = async (uid: UID.ContentType, documentId: string, data: Data, what: string) => {
      if ((await this.strapi.db.query(uid).count({ where: { documentId, locale: language } })) > 0) {
        existing += 1;
        return;
      }
      const published = (await this.strapi.db.query(uid).count({ where: { documentId, locale: 'pl', publishedAt: { $notNull: true } } })) > 0;
      const service = this.strapi.documents(uid) as unknown as { update(params: Data): Promise<unknown> };
      try {
        await service.update({ documentId, locale: language, data: withoutUndefined(data), ...(published ? { status: 'published' } : {}) });
      } catch (error) {
        throw new Error(`Seeding the ${language} translation ${what} failed: ${describe(error)}`);
      }
      created += 1;
    };
    const words = (entry: MarkdownEntry<TranslationFrontMatter>, bodyField: string): Data => ({ ...entry.meta, [bodyField]: entry.body });
    const entries: [UID.ContentType, MarkdownEntry<TranslationFrontMatter>[], string][] = [
      ['api::page.page', translations.pages, 'body'],
      ['api::guide.guide', translations.guides, 'body'],
      ['api::event.event', translations.events, 'description'],
      ['api::volunteer-offer.volunteer-offer', translations.volunteerOffers, 'description'],
      ['api::article.article', translations.articles, 'body'],
    ];
    for (const [uid, items, bodyField] of entries) {
      for (const entry of items) {
        const documentId = this.documentIds.get(`${uid}:${translatedSlug(entry)}`);
        // An entry an editor deleted since is not translated again.
        if (!documentId) continue;
        await add(uid, documentId, words(entry, bodyField), entry.file);
      }
    }
    for (const [slug, words] of Object.entries(translations.categories)) {
      const documentId = this.documentIds.get(`api::category.category:${slug}`);
      // The topic's address segment stays the Polish one in every language (site/src/lib/urls.ts).
      if (documentId) await add('api::category.category', documentId, { ...words, slug }, `translations/${language}/categories.json "${slug}"`);
    }
    for (const [slug, room] of Object.entries(translations.rooms)) {
      const documentId = this.documentIds.get(`api::room.room:${slug}`);
      const polish = this.data.rooms.find((entry) => entry.slug === slug);
      if (!documentId || !polish) continue;
      const { equipment, accessibilityNotes, ...texts } = room;
      // The accessibility facts are the Polish room's; only their note is in words.
      await add('api::room.room', documentId, { ...texts, equipment: equipment.map((name) => ({ name })), accessibility: { ...polish.accessibility, notes: accessibilityNotes ?? polish.accessibility?.notes } }, `translations/${language}/rooms.json "${slug}"`);
    }
    if (translations.global) {
      const uid = 'api::global.global';
      const polish: unknown = await this.strapi.documents(uid).findFirst({ populate: { address: true, openingHours: true, contacts: true, socialLinks: true, accessibilityStatement: true } });
      if (!isRecord(polish) || typeof polish.documentId !== 'string') throw new Error('Seeding translations: the site settings are not there in Polish.');
      const { contacts, ...texts } = translations.global;
      // The settings' required parts (address, the accessibility statement) are per language in the CMS; the site reads them from Polish.
      const copy = (value: unknown): unknown => (Array.isArray(value) ? value.map(copy) : isRecord(value) ? Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'id').map(([key, inner]) => [key, copy(inner)])) : value);
      const polishContacts = Array.isArray(polish.contacts) ? polish.contacts.filter(isRecord) : [];
      await add(uid, polish.documentId, {
        ...texts,
        siteName: polish.siteName,
        address: copy(polish.address),
        openingHours: copy(polish.openingHours),
        socialLinks: copy(polish.socialLinks),
        accessibilityStatement: copy(polish.accessibilityStatement),
        contacts: polishContacts.map((contact, index) => ({ ...(copy(contact) as Data), label: contacts[index]?.label ?? contact.label })),
      }, `translations/${language}/global.json`);
    }
    this.log(`tłumaczenia (${language}): dodano ${created}, już istniało ${existing}`);
  }

  /**
   * The organisations' panel as editors find it: each proposal written as the panel writes it — a
   * new event or offer as a draft only, a profile change into the published organisation's draft
   * (its published version stays online as it was) — plus its row in "Zgłoszenia", and the join
   * requests as the join form stores them. A submission is seeded once: the ledger remembers it
   * (or its row is found by what it is about), so a second run, or one after an editor decided it,
   * writes nothing.
   */
  private async seedOrgSubmissions(): Promise<void> {
    const { proposals, joinRequests } = this.data.orgSubmissions;
    let created = 0;
    let existing = 0;
    let drafts = 0;
    for (const item of proposals) {
      const result = await this.seedProposal(item);
      if (result === 'existing') existing += 1;
      else {
        created += 1;
        if (result === 'created with draft') drafts += 1;
      }
    }
    // A request records the consent its form showed. Settings without the join form's text get the built-in one, as at the CMS's next start.
    if (joinRequests.length > 0) await ensureConsentHistory(this.strapi);
    const consentVersion = joinRequests.length > 0 ? await this.consentVersion('org-join') : '';
    for (const item of joinRequests) {
      if (await this.seedJoinRequest(item, consentVersion)) created += 1;
      else existing += 1;
    }
    this.report.created[SUBMISSION] = created;
    this.report.existing[SUBMISSION] = existing;
    this.log(`zgłoszenia organizacji: dodano ${created}, już istniało ${existing} (nowe wydarzenia i oferty z tych zgłoszeń zapisane jako szkice: ${drafts})`);
  }

  private async seedProposal(item: SeedProposal): Promise<'existing' | 'created' | 'created with draft'> {
    const uid = KIND_UID[item.kind];
    const organization = this.data.organizations.find((org) => org.slug === item.organization)!;
    const organizationDocumentId = this.ref(ORGANIZATION, item.organization);
    const slug = item.kind === 'event' ? item.event.slug : item.kind === 'volunteer_offer' ? item.offer.slug : item.organization;
    const what = `org-submissions.json ${item.kind} "${slug}"`;
    const key = `${SUBMISSION}:${item.kind}:${slug}`;
    // A new entry's draft may be there without its row, when an earlier run stopped in between.
    const draftFound = item.kind === 'profile' ? null : await this.findSeeded(seedDocuments(this.strapi, uid), `${uid}:${slug}`, slug);
    const target = item.kind === 'profile' ? organizationDocumentId : draftFound;
    const sameRow = target ? { kind: item.kind, targetDocumentId: target, ...(item.kind === 'profile' ? { submittedBy: item.submittedBy.toLowerCase() } : {}) } : null;
    if (await this.submissionSeeded(key, sameRow)) return 'existing';

    let targetDocumentId: string;
    let newDraft = false;
    try {
      if (item.kind === 'profile') {
        const { areas, ...fields } = item.profile;
        const data = withoutUndefined({ ...fields, areas: areas?.map((area) => this.ref('api::area.area', area)) });
        // No status: the Document Service writes the draft only, as the panel does (org-panel/submissions.ts).
        const updated = await (this.strapi.documents(ORGANIZATION) as unknown as DraftWriter).update({ documentId: organizationDocumentId, data });
        if (!updated) throw new Error('the organisation vanished while seeding');
        targetDocumentId = organizationDocumentId;
      } else if (draftFound) {
        targetDocumentId = draftFound;
      } else {
        const data = item.kind === 'event' ? { ...(await this.eventData(item.event)), organizer: organizationDocumentId } : this.volunteerOfferData({ ...item.offer, organization: item.organization });
        const doc = await seedDocuments(this.strapi, uid).create(withoutUndefined(data), 'draft');
        targetDocumentId = doc.documentId;
        this.documentIds.set(`${uid}:${slug}`, doc.documentId);
        await this.remember(`${uid}:${slug}`, doc.documentId);
        this.report.created[uid] = (this.report.created[uid] ?? 0) + 1;
        newDraft = true;
      }
    } catch (error) {
      throw new Error(`Seeding ${what} failed: ${describe(error)}`);
    }
    const published = (await this.strapi.db.query(uid).count({ where: { documentId: targetDocumentId, publishedAt: { $notNull: true } } })) > 0;
    const submittedAt = this.at(item.submitted);
    const documentId = createId();
    // The row as the panel records it (org-panel/submissions.ts), with the editors' decision when there is one.
    await this.strapi.db.query(SUBMISSION).create({
      data: {
        documentId,
        publishedAt: submittedAt,
        kind: item.kind,
        change: published ? 'edit' : 'new',
        state: item.state,
        targetDocumentId,
        organizationDocumentId,
        organizationName: organization.name.slice(0, 200),
        title: (item.kind === 'event' ? item.event.title : item.kind === 'volunteer_offer' ? item.offer.title : organization.name).slice(0, 200),
        submittedBy: item.submittedBy.toLowerCase(),
        submittedAt,
        ...this.decisionOf(item),
        digestedAt: null,
      },
    });
    await this.remember(key, documentId);
    return newDraft ? 'created with draft' : 'created';
  }

  /** A join request as the join form stores it (org-panel/join.ts); false when it is there already. */
  private async seedJoinRequest(item: SeedJoinRequest, consentVersion: string): Promise<boolean> {
    const key = `${SUBMISSION}:join:${item.email.toLowerCase()}`;
    if (await this.submissionSeeded(key, null)) return false;
    // The same organisation's request, whatever happened to it since: the join form would not store a second one either.
    const rows: unknown[] = await this.strapi.db.query(SUBMISSION).findMany({ where: { kind: 'join' }, select: ['documentId', 'joinRequest'] });
    const same = rows.filter(isRecord).find((row) => isRecord(row.joinRequest) && sameOrganization(item, row.joinRequest));
    if (same) {
      await this.remember(key, String(same.documentId));
      return false;
    }
    const { state, submitted, reason: _reason, reasonText: _reasonText, decided: _decided, decidedBy: _decidedBy, ...request } = item;
    const submittedAt = this.at(submitted);
    const documentId = createId();
    await this.strapi.db.query(SUBMISSION).create({
      data: {
        documentId,
        publishedAt: submittedAt,
        kind: 'join',
        change: 'new',
        state,
        title: request.name,
        organizationName: request.name,
        submittedBy: request.contactEmail.toLowerCase(),
        submittedAt,
        // The form asks only for the short description, which starts the profile's description too.
        joinRequest: { ...request, email: request.email.toLowerCase(), contactEmail: request.contactEmail.toLowerCase(), description: request.shortDescription, consentVersion },
        ...this.decisionOf(item),
      },
    });
    await this.remember(key, documentId);
    return true;
  }

  /** Whether the ledger's submission (or a row matching `where`) is in the database; a found row is remembered. */
  private async submissionSeeded(key: string, where: Record<string, unknown> | null): Promise<boolean> {
    const submissions = this.strapi.db.query(SUBMISSION);
    const remembered = (await this.ledger())[key];
    if (remembered && (await submissions.count({ where: { documentId: remembered } })) > 0) return true;
    const found: unknown = where ? await submissions.findOne({ where, select: ['documentId'] }) : null;
    if (!isRecord(found)) return false;
    await this.remember(key, String(found.documentId));
    return true;
  }

  private decisionOf(item: SeedProposal | SeedJoinRequest): Data {
    return {
      reason: item.reason ?? null,
      reasonText: item.reasonText ?? null,
      decidedAt: item.decided ? this.at(item.decided) : null,
      decidedBy: item.decidedBy ?? null,
    };
  }

  private at(moment: { day: number; time: string }): Date {
    return new Date(toInstant(this.base, moment));
  }

  private volunteerOfferData(offer: SeedVolunteerOffer): Data {
    const day = (days: number | undefined) => (days === undefined ? undefined : toDateString(this.base, days));
    return {
      ...pick(offer, ['title', 'slug', 'summary', 'description', 'district', 'remote', 'address', 'commitment', 'schedule', 'hours', 'hoursPer', 'volunteersWanted', 'whenFilled', 'minimumAge', 'noPolishNeeded', 'requirements', 'benefits', 'accessibility', 'contactName', 'contactEmail', 'contactPhone', 'seo']),
      organization: this.ref('api::organization.organization', offer.organization),
      areas: offer.areas.map((slug) => this.ref('api::area.area', slug)),
      startsOn: day(offer.startsInDays),
      endsOn: day(offer.endsInDays),
      applicationDeadline: day(offer.deadlineInDays),
      usesPolish: offer.languages.includes('pl'),
      usesUkrainian: offer.languages.includes('uk'),
      usesEnglish: offer.languages.includes('en'),
      offersTraining: offer.offers.includes('training'),
      offersCertificate: offer.offers.includes('certificate'),
      offersInsurance: offer.offers.includes('insurance'),
      offersCostRefund: offer.offers.includes('costRefund'),
      offersAgreement: offer.offers.includes('agreement'),
    };
  }

  /** The consent version a seeded sign-up or request records: the one its form shows now. */
  private async consentVersion(form: ConsentForm): Promise<string> {
    const current = currentVersion(await consentHistory(this.strapi, form));
    if (!current) throw new Error(`Seeding needs the ${form} form's consent text in the site settings (global.json "${CONSENT_FORMS[form].textField}").`);
    return current.version;
  }

  /**
   * Creates the items whose slug is not in the database yet (published unless marked draft) and
   * remembers every item's documentId for relations. Returns the slugs it created.
   */
  private async each<T>(uid: UID.ContentType, label: string, items: T[], toData: (item: T) => Promise<Data>, metaOf: (item: T) => { slug: string; draft?: boolean } = (item) => item as { slug: string; draft?: boolean }): Promise<Set<string>> {
    const documents = seedDocuments(this.strapi, uid);
    const created = new Set<string>();
    let existing = 0;
    for (const item of items) {
      const { slug, draft } = metaOf(item);
      const key = `${uid}:${slug}`;
      const found = await this.findSeeded(documents, key, slug);
      if (found) {
        this.documentIds.set(key, found);
        existing += 1;
        continue;
      }
      const data = withoutUndefined(await toData(item));
      let doc: DocumentRef;
      try {
        doc = await documents.create(data, draft ? 'draft' : 'published');
      } catch (error) {
        throw new Error(`Seeding ${uid} "${slug}" failed: ${describe(error)}`);
      }
      this.documentIds.set(key, doc.documentId);
      await this.remember(key, doc.documentId);
      created.add(slug);
    }
    this.report.created[uid] = created.size;
    this.report.existing[uid] = existing;
    this.log(`${label}: dodano ${created.size}, już istniało ${existing}`);
    return created;
  }

  /**
   * The seeded document for `key`: the one the ledger remembers (even if an editor has changed
   * its slug since), else one with the seed's slug, which is then remembered.
   */
  private async findSeeded(documents: SeedDocuments, key: string, slug: string): Promise<string | null> {
    const ledger = await this.ledger();
    const remembered = ledger[key];
    if (remembered && (await documents.exists(remembered))) return remembered;
    const bySlug = await documents.findBySlug(slug);
    if (bySlug) await this.remember(key, bySlug.documentId);
    return bySlug?.documentId ?? null;
  }

  private ledgerCache: Record<string, string> | null = null;

  /** seed key → documentId, kept in Strapi's core store next to the content it describes. */
  private async ledger(): Promise<Record<string, string>> {
    if (!this.ledgerCache) {
      const stored = await this.ledgerStore().get();
      this.ledgerCache = stored !== null && typeof stored === 'object' ? { ...(stored as Record<string, string>) } : {};
    }
    return this.ledgerCache;
  }

  private async remember(key: string, documentId: string): Promise<void> {
    const ledger = await this.ledger();
    if (ledger[key] === documentId) return;
    ledger[key] = documentId;
    await this.ledgerStore().set({ value: ledger });
  }

  private ledgerStore() {
    return this.strapi.store({ type: 'core', name: 'co-seed', key: 'ledger' });
  }

  /**
   * Related guides point at each other, so they are linked once every guide exists: for guides
   * created now, and for seeded guides that still have none (an earlier run stopped before this step).
   */
  private async linkRelatedGuides(createdSlugs: Set<string>): Promise<void> {
    const guides = seedDocuments(this.strapi, 'api::guide.guide');
    for (const { meta } of this.data.guides) {
      if (meta.related.length === 0) continue;
      const documentId = this.ref('api::guide.guide', meta.slug);
      if (!createdSlugs.has(meta.slug) && (await guides.countLinked(documentId, 'relatedGuides')) > 0) continue;
      const relatedGuides = meta.related.map((slug) => this.ref('api::guide.guide', slug));
      await guides.update(documentId, { relatedGuides }, meta.draft ? 'draft' : 'published');
    }
  }

  private async eventData(event: SeedEvent): Promise<Data> {
    const shift = event.recurrence?.frequency === 'weekly' ? daysToWeekday(this.base, event.start.day, event.recurrence.weekdays) : 0;
    const at = (moment: { day: number; time: string }) => toInstant(this.base, { day: moment.day + shift, time: moment.time });
    const recurrence = event.recurrence
      ? {
          frequency: event.recurrence.frequency,
          interval: event.recurrence.interval,
          until: toDateString(this.base, event.recurrence.untilDay),
          monthlyBy: event.recurrence.monthlyBy ?? 'day_of_month',
          ...Object.fromEntries(WEEKDAYS.map((day) => [day, event.recurrence!.weekdays.includes(day)])),
        }
      : undefined;
    return {
      ...pick(event, ['title', 'slug', 'description', 'type', 'format', 'venue', 'onlineUrl', 'registrationUrl', 'capacity', 'waitlist', 'approvalRequired', 'slotMinutes', 'slotCapacity', 'isFree', 'price', 'priceNote', 'eventStatus', 'accessibility', 'audience', 'seo']),
      ...(event.languages ? { inPolish: event.languages.includes('pl'), inUkrainian: event.languages.includes('uk'), inEnglish: event.languages.includes('en') } : {}),
      registrationMode: event.registrationMode ?? (event.registrationUrl ? 'external' : 'none'),
      registrationOpensAt: event.registrationOpens ? at(event.registrationOpens) : undefined,
      allDay: event.allDay ?? false,
      startsAt: at(event.start),
      endsAt: event.end ? at(event.end) : undefined,
      registrationDeadline: event.registrationDeadline ? at(event.registrationDeadline) : undefined,
      room: event.room ? this.ref('api::room.room', event.room) : undefined,
      organizer: event.organizer ? this.ref('api::organization.organization', event.organizer) : undefined,
      recurrence,
      cover: event.cover ? await this.upload(event.cover) : undefined,
    };
  }

  /**
   * Demo sign-ups, for events this run created (so a second run adds none), on the event's next
   * dates counted from the seed's day; written like the CMS writes a sign-up, never over capacity.
   */
  private async seedRegistrations(createdEvents: Set<string>): Promise<void> {
    const secret = process.env.REGISTRATION_SECRET ?? '';
    const consentVersion = await this.consentVersion('registration');
    const from = this.base.toJSDate();
    let created = 0;
    for (const item of this.data.registrations) {
      if (!createdEvents.has(item.event)) continue;
      const what = `registrations.json "${item.email}" for "${item.event}"`;
      const event = await loadEvent(this.strapi, this.ref('api::event.event', item.event));
      if (!event) throw new Error(`${what}: the event is not published.`);
      const date = upcomingDates(event, from)[item.occurrence];
      if (!date) throw new Error(`${what}: the event has no upcoming date number ${item.occurrence}.`);
      const unit = findUnit(event, date.date, item.slot ?? null);
      if (typeof unit === 'string') throw new Error(`${what}: ${unit} (date ${date.date}, slot ${item.slot ?? 'none'}).`);
      const holdsSeat = item.state === 'confirmed' || item.state === 'awaiting_confirmation';
      const held = Number(await this.strapi.db.query(REGISTRATION).count({ where: { unitKey: unit.key, holdsSeat: true } }));
      if (holdsSeat && held >= unit.capacity) throw new Error(`${what}: its date already has all ${unit.capacity} seats taken.`);
      const linkId = newLinkId();
      await insertRegistration(this.strapi, {
        event,
        unit,
        person: { name: item.name, email: item.email.toLowerCase(), organisation: item.organisation ?? null, needs: item.needs, needsOther: item.needsOther ?? null, consentVersion },
        state: item.state,
        holdsSeat,
        linkId,
        token: linkToken(secret, linkId),
        confirmedAt: item.state === 'awaiting_confirmation' ? null : from,
      });
      created += 1;
    }
    this.report.created[REGISTRATION] = created;
    this.log(`zapisy na wydarzenia: ${created} dodanych`);
  }

  /**
   * Demo answers to "Czy ten poradnik był pomocny?" for guides this run created (so a second run
   * adds none), counted through the same code as a reader's answer, on days before the seed's day.
   */
  private async seedGuideFeedback(createdGuides: Set<string>): Promise<void> {
    const { votes, comments } = this.data.guideFeedback;
    let answers = 0;
    const guideOf = async (slug: string) => {
      const guide = await loadGuide(this.strapi, this.ref('api::guide.guide', slug));
      if (!guide) throw new Error(`guide-feedback.json: guide "${slug}" is not published.`);
      return guide;
    };
    for (const vote of votes.filter((item) => createdGuides.has(item.guide))) {
      const guide = await guideOf(vote.guide);
      const day = this.base.minus({ days: vote.daysAgo }).set({ hour: 12 }).toJSDate();
      for (let i = 0; i < vote.helpful; i += 1) await record(this.strapi, guide, { helpful: true, reasons: [], comment: null }, day);
      for (let i = 0; i < vote.notHelpful; i += 1) await record(this.strapi, guide, { helpful: false, reasons: vote.reasons[i] ? [vote.reasons[i]!] : [], comment: null }, day);
      answers += vote.helpful + vote.notHelpful;
    }
    for (const item of comments.filter((entry) => createdGuides.has(entry.guide))) {
      const guide = await guideOf(item.guide);
      await record(this.strapi, guide, { helpful: false, reasons: item.reasons, comment: item.comment }, this.base.minus({ days: item.daysAgo }).set({ hour: 12 }).toJSDate());
      answers += 1;
    }
    this.report.created[FEEDBACK] = answers;
    this.log(`oceny poradników: ${answers} odpowiedzi`);
  }

  /**
   * Demo room requests for rooms this run created (so a second run adds none), written like the
   * form writes them, on the next weekday from their `day`; an approved one must not clash with
   * the room's events or another approved request, as in the admin.
   */
  private async seedRoomRequests(createdRooms: Set<string>): Promise<void> {
    const secret = process.env.REGISTRATION_SECRET ?? '';
    const now = this.base.toJSDate();
    const consentVersion = await this.consentVersion('room-request');
    let created = 0;
    for (const item of this.data.roomRequests.filter((entry) => createdRooms.has(entry.room))) {
      const what = `room-requests.json "${item.email}" for "${item.room}"`;
      const room = await loadRoom(this.strapi, this.ref('api::room.room', item.room));
      if (!room) throw new Error(`${what}: the room is not published.`);
      let day = this.base.plus({ days: item.day });
      while (day.weekday > 5) day = day.plus({ days: 1 });
      const date = day.toISODate()!;
      const first = firstMeeting({ date, from: item.from, to: item.to });
      const repeatUntil = item.repeatWeeks ? day.plus({ weeks: item.repeatWeeks }).toISODate()! : null;
      if (item.state === 'approved') {
        const wanted = meetings({ ...first, repeatUntil });
        const { from, to } = spanOf(wanted);
        const conflict = firstConflict(wanted, await busyIntervals(this.strapi, room.documentId, from, to));
        if (conflict) throw new Error(`${what}: the room is taken then (${conflict.startsAt}–${conflict.endsAt}); move it in the seed.`);
      }
      const { linkId, tokenHash } = newLink(secret);
      const decided = ['approved', 'rejected'].includes(item.state) ? now : null;
      await insertRoomRequest(this.strapi, {
        room,
        input: { organisation: item.organisation, krs: item.krs ?? null, contactName: item.name, email: item.email.toLowerCase(), phone: item.phone, purpose: item.purpose, repeatUntil, participants: item.participants, equipment: item.equipment ?? null, consentVersion, language: 'pl' },
        first,
        state: item.state,
        linkId,
        tokenHash,
        now,
        confirmedAt: item.state === 'awaiting_confirmation' ? null : now,
        decidedAt: decided,
        decisionReason: item.decisionReason ?? null,
      });
      created += 1;
    }
    this.report.created[ROOM_REQUEST] = created;
    this.log(`wnioski o sale: ${created} dodanych`);
  }

  /** Applications in every state for the offers created in this run, written as the form would. */
  private async seedVolunteerApplications(createdOffers: Set<string>): Promise<void> {
    const secret = process.env.REGISTRATION_SECRET ?? '';
    const consentVersion = await this.consentVersion('volunteer-application');
    const at = (daysAgo: number | undefined, hour: number) => (daysAgo === undefined ? null : this.base.minus({ days: daysAgo }).set({ hour }).toJSDate());
    let created = 0;
    for (const item of this.data.volunteerApplications.filter((entry) => createdOffers.has(entry.offer))) {
      const offer = await loadOffer(this.strapi, this.ref('api::volunteer-offer.volunteer-offer', item.offer));
      if (!offer) throw new Error(`volunteer-applications.json "${item.email}": the offer "${item.offer}" is not published.`);
      const application = await insertApplication(this.strapi, {
        offer,
        input: { name: item.name, email: item.email.toLowerCase(), phone: item.phone ?? null, availability: item.availability, message: item.message ?? null, age: item.age, consentVersion },
        state: item.state,
        reserve: false,
        now: at(item.daysAgo, 9)!,
        secret,
        confirmedAt: at(item.confirmedDaysAgo, 10),
        answeredAt: at(item.answeredDaysAgo, 16),
        declineReason: item.declineReason ?? null,
        answerNote: item.answerNote ?? null,
      });
      // An application nobody confirmed keeps no personal data, as when the timed work expires one.
      if (item.state === 'expired') await this.strapi.db.query(APPLICATION).update({ where: { id: application.id }, data: { ...Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null])), erasedAt: at(item.daysAgo - 2 < 0 ? 0 : item.daysAgo - 2, 9) } });
      created += 1;
    }
    this.report.created[APPLICATION] = created;
    this.log(`zgłoszenia do wolontariatu: ${created} dodanych`);
  }

  private async seedGlobal(): Promise<void> {
    const uid = 'api::global.global';
    const global = seedDocuments(this.strapi, uid);
    const found = await global.findAny();
    if (found) {
      this.report.existing[uid] = 1;
      this.report.created[uid] = 0;
      this.log('ustawienia serwisu: już istniały');
      return;
    }
    try {
      const openingHours = this.data.global.openingHours.map((hours) => ({ ...hours, opens: toStrapiTime(hours.opens), closes: toStrapiTime(hours.closes) }));
      await global.create(withoutUndefined({ ...this.data.global, openingHours }));
    } catch (error) {
      throw new Error(`Seeding ${uid} failed: ${describe(error)}`);
    }
    this.report.created[uid] = 1;
    this.report.existing[uid] = 0;
    this.log('ustawienia serwisu: dodane');
  }

  private ref(uid: UID.ContentType, slug: string): string {
    const documentId = this.documentIds.get(`${uid}:${slug}`);
    if (!documentId) throw new Error(`Seed refers to ${uid} "${slug}", which was not seeded before it.`);
    return documentId;
  }

  private async uploadAll(items: Media[]): Promise<number[]> {
    const ids: number[] = [];
    for (const item of items) ids.push(await this.upload(item));
    return ids;
  }

  /** Uploads a seed file into the media library once; later runs reuse it by name. */
  private async upload({ file, alt }: Media): Promise<number> {
    const existing = (await this.strapi.db.query('plugin::upload.file').findOne({ where: { name: file } })) as { id: number } | null;
    if (existing) return existing.id;
    const ext = path.extname(file).toLowerCase();
    const folder = MIME_TYPES[ext]?.startsWith('image/') ? 'images' : 'files';
    const filepath = path.join(this.data.dir, 'media', folder, file);
    if (!existsSync(filepath)) throw new Error(`Seed media file is missing: ${path.relative(this.data.dir, filepath)}`);
    const mimetype = MIME_TYPES[ext];
    if (!mimetype) throw new Error(`Seed media file ${file} has an unsupported extension.`);
    const isImage = mimetype.startsWith('image/');
    const [uploaded] = (await this.strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: file, alternativeText: isImage ? alt : null, caption: alt } },
      files: { filepath, originalFilename: file, mimetype, size: statSync(filepath).size },
    })) as { id: number }[];
    if (!uploaded) throw new Error(`Uploading ${file} returned nothing.`);
    this.report.uploaded += 1;
    return uploaded.id;
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  const result = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
  return result;
}

function withoutUndefined(data: Data): Data {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}

/** Strapi validation errors carry the field paths in `details`; put them in the message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: { errors?: { path?: string[]; message?: string }[] } }).details;
  const fields = details?.errors?.map((e) => `${(e.path ?? []).join('.')}: ${e.message}`) ?? [];
  return fields.length > 0 ? `${error.message} [${fields.join('; ')}]` : error.message;
}
