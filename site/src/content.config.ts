import { defineCollection } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { cms } from './lib/cms';
import { CONTENT_STATUS, NOW } from './lib/env';
import { strapiCollectionLoader, strapiListLoader, strapiMetaLoader, strapiSingleLoader, strapiTranslationLoader } from './lib/strapi-loader';
import { PREFIXED_LANGUAGES } from './lib/i18n';
import { TRANSLATION_SOURCES } from './lib/localize';

// SITE_CONTENT_DIR: the same content from local files instead, so that npm run bench:scale can compare a build from the CMS with one from Markdown.
const LOCAL_CONTENT = process.env.SITE_CONTENT_DIR;

/** The CMS loader, or with SITE_CONTENT_DIR <dir>/<name>/*.md (the whole entry in front matter) or, for `json`, <dir>/<name>.json. */
function source(name: string, cms: Loader, format: 'md' | 'json' = 'md'): Loader {
  if (!LOCAL_CONTENT) return cms;
  return format === 'json' ? file(`${LOCAL_CONTENT}/${name}.json`) : glob({ pattern: '**/*.md', base: `${LOCAL_CONTENT}/${name}` });
}

// Media as Strapi returns it; url is rewritten to a local copy at build time.
const media = z.object({
  url: z.string(),
  alternativeText: z.string().nullable(),
  name: z.string(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  mime: z.string(),
  ext: z.string().nullable(),
  size: z.number(),
  caption: z.string().nullable().optional(),
  // Versions the build's download of the file, so a file replaced in the CMS is fetched again.
  updatedAt: z.string().optional(),
});

// Every page falls back to its own title and summary when SEO fields are empty.
const seo = z
  .object({
    metaTitle: z.string().nullable().optional(),
    metaDescription: z.string().nullable().optional(),
    shareImage: media.nullable().optional(),
    noindex: z.boolean().nullable().optional(),
  })
  .nullable()
  .optional();

// Every page's SEO block, with its share image, is fetched the same way.
const SEO_POPULATE = { populate: ['shareImage'] };

// Enough of a related entry to link to it.
const ref = z.object({ documentId: z.string(), slug: z.string(), title: z.string().optional(), name: z.string().optional() });

const postalAddress = z.object({ street: z.string(), postalCode: z.string().nullable().optional(), city: z.string().nullable().optional() });
const address = postalAddress.nullable().optional();
// Only what is known is shown: a missing answer is not turned into "no".
const accessibility = z
  .object({
    stepFreeAccess: z.boolean().nullable().optional(),
    inductionLoop: z.boolean().nullable().optional(),
    signLanguageInterpreter: z.boolean().nullable().optional(),
    accessibleToilet: z.boolean().nullable().optional(),
    notes: z.string().nullable().optional(),
  })
  .nullable()
  .optional();
const audience = z.enum(['everyone', 'ngo', 'informal_group', 'residents']);
// A draft has no publication date yet; the preview shows the one it would get if published now.
const publishedAt = CONTENT_STATUS === 'draft' ? z.string().nullable().transform((value) => value ?? NOW.toISOString()) : z.string();
const base = { documentId: z.string(), slug: z.string(), publishedAt, updatedAt: z.string(), createdAt: z.string() };

const articles = defineCollection({
  loader: source('articles', strapiCollectionLoader({ collection: 'articles', client: cms, status: CONTENT_STATUS, query: { populate: { cover: true, seo: SEO_POPULATE }, sort: ['publicationDate:desc'] } })),
  schema: z.object({
    ...base,
    title: z.string(),
    excerpt: z.string(),
    body: z.string(),
    author: z.string().nullable().optional(),
    // Optional in the CMS for old entries; the page falls back to publishedAt.
    publicationDate: z.string().nullable().optional(),
    cover: media.nullable().optional(),
    seo,
  }),
});

const categories = defineCollection({
  loader: source('categories', strapiCollectionLoader({ collection: 'categories', client: cms, status: CONTENT_STATUS, query: { sort: ['order:asc', 'name:asc'] } }), 'json'),
  schema: z.object({ ...base, name: z.string(), description: z.string().nullable().optional(), order: z.number().nullable().optional() }),
});

const guides = defineCollection({
  loader: source('guides', strapiCollectionLoader({
    collection: 'guides',
    client: cms,
    status: CONTENT_STATUS,
    query: { populate: { category: { fields: ['documentId', 'slug', 'name'] }, attachments: true, relatedGuides: { fields: ['documentId', 'slug', 'title'] }, seo: SEO_POPULATE } },
  })),
  schema: z.object({
    ...base,
    title: z.string(),
    summary: z.string(),
    body: z.string(),
    // A guide may have no topic yet; it is then listed under "Inne".
    category: ref.nullable().optional(),
    audience,
    attachments: z.array(media).nullable().optional(),
    relatedGuides: z.array(ref).nullable().optional(),
    author: z.string().nullable().optional(),
    authorRole: z.string().nullable().optional(),
    reviewedAt: z.string().nullable().optional(),
    seo,
  }),
});

const rooms = defineCollection({
  loader: source('rooms', strapiCollectionLoader({ collection: 'rooms', client: cms, status: CONTENT_STATUS, query: { populate: { equipment: true, accessibility: true, photos: true, seo: SEO_POPULATE } } })),
  schema: z.object({
    ...base,
    name: z.string(),
    summary: z.string().nullable().optional(),
    description: z.string(),
    capacity: z.number(),
    surface: z.union([z.number(), z.string()]).nullable().optional(),
    floor: z.string().nullable().optional(),
    equipment: z.array(z.object({ name: z.string() })).nullable().optional(),
    accessibility,
    photos: z.array(media).nullable().optional(),
    howToBook: z.string(),
    seo,
  }),
});

const areas = defineCollection({
  loader: source('areas', strapiCollectionLoader({ collection: 'areas', client: cms, status: CONTENT_STATUS, query: { sort: ['name:asc'] } }), 'json'),
  schema: z.object({ ...base, name: z.string(), nameUk: z.string().nullable().optional(), nameEn: z.string().nullable().optional(), description: z.string().nullable().optional() }),
});

const organizations = defineCollection({
  loader: source('organizations', strapiCollectionLoader({
    collection: 'organizations',
    client: cms,
    status: CONTENT_STATUS,
    query: { populate: { logo: true, areas: { fields: ['documentId', 'slug', 'name'] }, address: true, socialLinks: true, seo: SEO_POPULATE }, sort: ['name:asc'] },
  })),
  schema: z.object({
    ...base,
    name: z.string(),
    legalForm: z.enum(['foundation', 'association', 'ordinary_association', 'informal_group', 'social_cooperative', 'other']),
    krs: z.string().nullable().optional(),
    nip: z.string().nullable().optional(),
    regon: z.string().nullable().optional(),
    shortDescription: z.string().nullable().optional(),
    description: z.string(),
    logo: media.nullable().optional(),
    areas: z.array(ref).nullable().optional(),
    district: z.string().nullable().optional(),
    website: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    address,
    socialLinks: z.array(z.object({ platform: z.string(), url: z.string() })).nullable().optional(),
    acceptsVolunteers: z.boolean().nullable().optional(),
    volunteering: z.string().nullable().optional(),
    seo,
  }),
});

const events = defineCollection({
  loader: source('events', strapiCollectionLoader({
    collection: 'events',
    client: cms,
    status: CONTENT_STATUS,
    query: {
      populate: {
        room: { fields: ['documentId', 'slug', 'name'] },
        venue: { populate: ['address'] },
        organizer: { fields: ['documentId', 'slug', 'name'] },
        accessibility: true,
        recurrence: true,
        cover: true,
        seo: SEO_POPULATE,
      },
      sort: ['startsAt:asc'],
    },
  })),
  schema: z.object({
    ...base,
    title: z.string(),
    description: z.string(),
    startsAt: z.string(),
    // "Event without an end" is allowed: the page then says "od 17:00".
    endsAt: z.string().nullable().optional(),
    allDay: z.boolean().nullable().optional(),
    type: z.enum(['seminar', 'training', 'consulting', 'working_group', 'coaching', 'mentoring', 'meeting', 'volunteering', 'other']),
    format: z.enum(['on_site', 'online', 'hybrid']),
    room: ref.nullable().optional(),
    venue: z.object({ name: z.string(), address }).nullable().optional(),
    onlineUrl: z.string().nullable().optional(),
    organizer: ref.nullable().optional(),
    // "site" shows the sign-up form (SignUpForm.astro); "external" the link to another form.
    registrationMode: z.enum(['none', 'external', 'site']).nullable().optional(),
    registrationUrl: z.string().nullable().optional(),
    registrationOpensAt: z.string().nullable().optional(),
    registrationDeadline: z.string().nullable().optional(),
    capacity: z.number().nullable().optional(),
    waitlist: z.boolean().nullable().optional(),
    approvalRequired: z.boolean().nullable().optional(),
    slotMinutes: z.number().nullable().optional(),
    slotCapacity: z.number().nullable().optional(),
    isFree: z.boolean().nullable().optional(),
    price: z.union([z.number(), z.string()]).nullable().optional(),
    priceNote: z.string().nullable().optional(),
    eventStatus: z.enum(['scheduled', 'cancelled', 'postponed']),
    accessibility,
    recurrence: z
      .object({
        frequency: z.enum(['weekly', 'monthly']),
        interval: z.number().nullable().optional(),
        until: z.string(),
        monthlyBy: z.enum(['day_of_month', 'weekday_of_month']).nullable().optional(),
        monday: z.boolean().nullable().optional(),
        tuesday: z.boolean().nullable().optional(),
        wednesday: z.boolean().nullable().optional(),
        thursday: z.boolean().nullable().optional(),
        friday: z.boolean().nullable().optional(),
        saturday: z.boolean().nullable().optional(),
        sunday: z.boolean().nullable().optional(),
      })
      .nullable()
      .optional(),
    audience,
    // The languages it is held in; null (an event from before the field) is Polish.
    inPolish: z.boolean().nullable().optional(),
    inUkrainian: z.boolean().nullable().optional(),
    inEnglish: z.boolean().nullable().optional(),
    cover: media.nullable().optional(),
    seo,
  }),
});

// The volunteering board. Codes are plain strings here: lib/volunteering.ts checks them and stops
// the build naming the offer (a zod enum would only name the field). contactEmail/contactPhone are
// private in the CMS and never reach the site; the organisation's public contacts do.
const volunteerOffers = defineCollection({
  loader: source('volunteer-offers', strapiCollectionLoader({
    collection: 'volunteer-offers',
    client: cms,
    status: CONTENT_STATUS,
    query: {
      populate: {
        organization: { fields: ['documentId', 'slug', 'name', 'email', 'phone', 'website'] },
        areas: { fields: ['documentId', 'slug', 'name', 'nameUk', 'nameEn'] },
        address: true,
        seo: SEO_POPULATE,
      },
    },
  })),
  schema: z.object({
    ...base,
    title: z.string(),
    // An organisation that is not published (yet) comes as null: the page then points to the centre.
    organization: ref.extend({ email: z.string().nullable().optional(), phone: z.string().nullable().optional(), website: z.string().nullable().optional() }).nullable().optional(),
    summary: z.string(),
    description: z.string(),
    // An area's names in Ukrainian and English are fields of its own (see cms/seed/areas.json).
    areas: z.array(ref.extend({ nameUk: z.string().nullable().optional(), nameEn: z.string().nullable().optional() })).nullable().optional(),
    district: z.string(),
    remote: z.string(),
    address,
    commitment: z.string(),
    schedule: z.string().nullable().optional(),
    hours: z.number().nullable().optional(),
    hoursPer: z.string().nullable().optional(),
    // Calendar days (YYYY-MM-DD) in Kraków.
    startsOn: z.string().nullable().optional(),
    endsOn: z.string().nullable().optional(),
    applicationDeadline: z.string().nullable().optional(),
    volunteersWanted: z.number(),
    whenFilled: z.string().nullable().optional(),
    // 13–17: a parent's written consent is needed, and the page says so.
    minimumAge: z.number().int().min(13),
    usesPolish: z.boolean().nullable().optional(),
    usesUkrainian: z.boolean().nullable().optional(),
    usesEnglish: z.boolean().nullable().optional(),
    noPolishNeeded: z.boolean().nullable().optional(),
    requirements: z.string().nullable().optional(),
    offersTraining: z.boolean().nullable().optional(),
    offersCertificate: z.boolean().nullable().optional(),
    offersInsurance: z.boolean().nullable().optional(),
    offersCostRefund: z.boolean().nullable().optional(),
    offersAgreement: z.boolean().nullable().optional(),
    benefits: z.string().nullable().optional(),
    accessibility: z.string().nullable().optional(),
    contactName: z.string().nullable().optional(),
    seo,
  }),
});

const pages = defineCollection({
  loader: source('pages', strapiCollectionLoader({ collection: 'pages', client: cms, status: CONTENT_STATUS, query: { populate: { seo: SEO_POPULATE } } })),
  schema: z.object({ ...base, title: z.string(), body: z.string(), seo }),
});

const global = defineCollection({
  loader: source('global', strapiSingleLoader({ singular: 'global', client: cms, status: CONTENT_STATUS, query: { populate: { address: true, openingHours: true, contacts: true, socialLinks: true, accessibilityStatement: true, defaultSeo: SEO_POPULATE } } }), 'json'),
  schema: z.object({
    siteName: z.string(),
    tagline: z.string().nullable().optional(),
    description: z.string().nullable().optional(),
    address: postalAddress,
    openingHours: z.array(z.object({ dayFrom: z.string(), dayTo: z.string().nullable().optional(), opens: z.string(), closes: z.string(), note: z.string().nullable().optional() })),
    email: z.string(),
    phone: z.string().nullable().optional(),
    contacts: z.array(z.object({ label: z.string(), email: z.string().nullable().optional(), phone: z.string().nullable().optional() })),
    socialLinks: z.array(z.object({ platform: z.string(), url: z.string() })),
    accessibilityStatement: z.object({ publishedOn: z.string(), updatedOn: z.string().nullable().optional(), contactPerson: z.string(), contactEmail: z.string(), contactPhone: z.string().nullable().optional() }),
    // Shown under the sign-up and room request forms; the version (set by the CMS at every change
    // of the text) is sent with the form, kept with the sign-up or request, and the CMS accepts only
    // the current one (or the one before it for a while after a change).
    registrationConsentText: z.string().nullable().optional(),
    registrationConsentVersion: z.string().nullable().optional(),
    roomRequestConsentText: z.string().nullable().optional(),
    roomRequestConsentVersion: z.string().nullable().optional(),
    volunteerConsentText: z.string().nullable().optional(),
    volunteerConsentVersion: z.string().nullable().optional(),
    volunteerInterestConsentText: z.string().nullable().optional(),
    volunteerInterestConsentVersion: z.string().nullable().optional(),
    orgJoinConsentText: z.string().nullable().optional(),
    orgJoinConsentVersion: z.string().nullable().optional(),
    defaultSeo: seo,
  }),
});

// Ukrainian and English versions: only their words, by "<collection>:<language>:<documentId>". A
// page in a language is built from the Polish entry with these words over it (lib/translations.ts);
// an entry without a translation has no page in that language and is listed there in Polish.
const optionalText = z.string().nullable().optional();
const translations = defineCollection({
  loader: source('translations', strapiTranslationLoader({
    languages: PREFIXED_LANGUAGES,
    client: cms,
    status: CONTENT_STATUS,
    ...TRANSLATION_SOURCES,
  }), 'json'),
  schema: z.object({
    type: z.enum(['pages', 'guides', 'events', 'volunteerOffers', 'categories', 'rooms', 'articles', 'global']),
    language: z.enum(PREFIXED_LANGUAGES as [string, ...string[]]),
    documentId: z.string(),
    slug: z.string(),
    title: optionalText,
    name: optionalText,
    summary: optionalText,
    excerpt: optionalText,
    body: optionalText,
    description: optionalText,
    priceNote: optionalText,
    schedule: optionalText,
    requirements: optionalText,
    benefits: optionalText,
    // An offer's accessibility is a text; a room's, a component whose note is translated.
    accessibility: z.union([z.string(), z.object({ notes: optionalText }).passthrough()]).nullable().optional(),
    floor: optionalText,
    howToBook: optionalText,
    equipment: z.array(z.object({ name: z.string() })).nullable().optional(),
    seo,
    tagline: optionalText,
    registrationConsentText: optionalText,
    roomRequestConsentText: optionalText,
    volunteerConsentText: optionalText,
    volunteerInterestConsentText: optionalText,
    orgJoinConsentText: optionalText,
    // Which Polish consent version each translated text translates (the CMS records it).
    consentTranslatedFrom: z.record(z.string(), z.string()).nullable().optional(),
    contacts: z.array(z.object({ label: z.string() })).nullable().optional(),
    defaultSeo: seo,
  }),
});

// Approved room requests, as times only (who asked stays in the CMS): what makes a room busy besides its events.
const roomBusy = defineCollection({
  loader: source('roomBusy', strapiListLoader({ name: 'roomBusy', path: 'room-requests/busy', client: cms, idOf: (entry) => `${String(entry.room)}/${String(entry.startsAt)}` }), 'json'),
  schema: z.object({ room: z.string(), startsAt: z.string(), endsAt: z.string() }),
});

// The booking window the CMS enforces (ROOM_REQUEST_MIN_DAYS, ROOM_REQUEST_MAX_MONTHS), sent beside
// the busy times: the room form's first and last dates and its hint follow it. One entry, "bookingWindow".
const roomBookingWindow = defineCollection({
  loader: source('roomBookingWindow', strapiMetaLoader({ name: 'roomBookingWindow', path: 'room-requests/busy', key: 'bookingWindow', client: cms }), 'json'),
  schema: z.object({ minDays: z.number().int().min(0), maxMonths: z.number().int().min(1) }),
});

// Each published offer's recruitment as applications stand (open, a reserve, or closed once full),
// from the CMS's counts: nobody's data, and a build without them fails rather than show a full offer as open.
const volunteerRecruitment = defineCollection({
  loader: source('volunteerRecruitment', strapiListLoader({ name: 'volunteerRecruitment', path: 'volunteer-applications/recruitment', client: cms, idOf: (entry) => String(entry.offer) }), 'json'),
  schema: z.object({ offer: z.string(), state: z.enum(['open', 'reserve', 'closed']), accepted: z.number().int().min(0), wanted: z.number().int().min(1) }),
});

// How quickly each organisation usually answers applications (median of 90 days, once it has five answers), by its documentId.
const volunteerAnswerTimes = defineCollection({
  loader: source('volunteerAnswerTimes', strapiMetaLoader({ name: 'volunteerAnswerTimes', path: 'volunteer-applications/recruitment', key: 'answerTimes', client: cms }), 'json'),
  schema: z.record(z.string(), z.object({ medianHours: z.number().min(0), text: z.string() })),
});

export const collections = { translations, articles, categories, guides, rooms, areas, organizations, events, pages, volunteerOffers, global, roomBusy, roomBookingWindow, volunteerRecruitment, volunteerAnswerTimes };
