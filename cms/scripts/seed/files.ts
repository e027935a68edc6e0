import { z } from 'zod';

// One schema per seed file: a typo in the content fails the seed with the file and the path.
const media = z.object({ file: z.string().min(1), alt: z.string().min(3) });
const attachment = z.object({ file: z.string().min(1), caption: z.string().min(3) });
const moment = z.object({ day: z.number().int(), time: z.string().regex(/^\d{1,2}:\d{2}$/) });
const address = z.object({ street: z.string(), postalCode: z.string().optional(), city: z.string().optional() });
const socialLink = z.object({ platform: z.string(), url: z.string() });
const seo = z.object({ metaTitle: z.string().max(60).optional(), metaDescription: z.string().max(160).optional() }).optional();
const audience = z.enum(['everyone', 'ngo', 'informal_group', 'residents']);
const draft = z.boolean().optional();

export const categoriesFile = z.array(z.object({ name: z.string(), slug: z.string(), description: z.string().optional(), order: z.number().int().optional(), draft }));
// An area's Ukrainian and English names are fields of its own (areas are shared by organisations, which are not translated).
export const areasFile = z.array(z.object({ name: z.string(), nameUk: z.string().max(80).optional(), nameEn: z.string().max(80).optional(), slug: z.string(), description: z.string().optional(), draft }));

export const roomsFile = z.array(
  z.object({
    name: z.string(),
    slug: z.string(),
    summary: z.string().optional(),
    description: z.string(),
    capacity: z.number().int(),
    surface: z.number().optional(),
    floor: z.string().optional(),
    equipment: z.array(z.string()).default([]),
    accessibility: z.record(z.string(), z.union([z.boolean(), z.string()])).optional(),
    photos: z.array(media).default([]),
    howToBook: z.string(),
    seo,
    draft,
  }),
);

export const organizationsFile = z.array(
  z.object({
    name: z.string(),
    slug: z.string(),
    legalForm: z.enum(['foundation', 'association', 'ordinary_association', 'informal_group', 'social_cooperative', 'other']),
    krs: z.string().optional(),
    nip: z.string().optional(),
    regon: z.string().optional(),
    shortDescription: z.string().optional(),
    description: z.string(),
    logo: media.optional(),
    areas: z.array(z.string()).default([]),
    district: z.string().optional(),
    website: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    address: address.optional(),
    socialLinks: z.array(socialLink).default([]),
    acceptsVolunteers: z.boolean().optional(),
    volunteering: z.string().optional(),
    // People who may sign in to the organisation's panel besides its contact address (e-mails at example.pl only).
    panelPersons: z.array(z.object({ name: z.string(), email: z.string().email(), role: z.string().optional() })).default([]),
    trusted: z.boolean().optional(),
    seo,
    draft,
  }),
);

export const eventsFile = z.array(
  z.object({
    title: z.string(),
    slug: z.string(),
    description: z.string(),
    start: moment,
    end: moment.optional(),
    allDay: z.boolean().optional(),
    type: z.enum(['seminar', 'training', 'consulting', 'working_group', 'coaching', 'mentoring', 'meeting', 'volunteering', 'other']),
    format: z.enum(['on_site', 'online', 'hybrid']),
    room: z.string().optional(),
    venue: z.object({ name: z.string(), address: address.optional() }).optional(),
    onlineUrl: z.string().optional(),
    organizer: z.string().optional(),
    // Events with a registrationUrl sign up externally; "site" uses the site's own form.
    registrationMode: z.enum(['none', 'external', 'site']).optional(),
    registrationUrl: z.string().optional(),
    registrationOpens: moment.optional(),
    registrationDeadline: moment.optional(),
    capacity: z.number().int().optional(),
    waitlist: z.boolean().optional(),
    approvalRequired: z.boolean().optional(),
    slotMinutes: z.number().int().optional(),
    slotCapacity: z.number().int().optional(),
    isFree: z.boolean().default(true),
    price: z.number().optional(),
    priceNote: z.string().optional(),
    eventStatus: z.enum(['scheduled', 'cancelled', 'postponed']).default('scheduled'),
    accessibility: z.record(z.string(), z.union([z.boolean(), z.string()])).optional(),
    recurrence: z
      .object({
        frequency: z.enum(['weekly', 'monthly']),
        interval: z.number().int().default(1),
        untilDay: z.number().int(),
        monthlyBy: z.enum(['day_of_month', 'weekday_of_month']).optional(),
        weekdays: z.array(z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])).default([]),
      })
      .optional(),
    // The languages the event is held in; Polish only when left out.
    languages: z.array(z.enum(['pl', 'uk', 'en'])).min(1).optional(),
    audience: audience.default('everyone'),
    cover: media.optional(),
    seo,
    draft,
  }),
);

export const guideFrontMatter = z.object({
  title: z.string(),
  slug: z.string(),
  summary: z.string(),
  category: z.string().optional(),
  audience: audience.default('everyone'),
  author: z.string().optional(),
  authorRole: z.string().optional(),
  reviewedDaysAgo: z.number().int().optional(),
  related: z.array(z.string()).default([]),
  attachments: z.array(attachment).default([]),
  seo,
  draft,
});

export const articleFrontMatter = z.object({
  title: z.string(),
  slug: z.string(),
  excerpt: z.string(),
  author: z.string().optional(),
  daysAgo: z.number().int().min(0),
  cover: media.optional(),
  seo,
  draft,
});

export const pageFrontMatter = z.object({ title: z.string(), slug: z.string(), seo, draft });

// A translation (translations/<uk|en>/<folder>/<Polish slug>.md) carries only words: the Polish
// entry named by the file holds dates, places, people and files for every language. Strict, so a
// shared field written into a translation by mistake is reported instead of silently ignored.
export const translationFrontMatter = z
  .object({
    title: z.string(),
    slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase ASCII words joined by dashes').max(80),
    summary: z.string().optional(),
    excerpt: z.string().max(300).optional(),
    seo,
    priceNote: z.string().optional(),
    schedule: z.string().optional(),
    requirements: z.string().optional(),
    benefits: z.string().optional(),
    accessibility: z.string().optional(),
  })
  .strict();

// Topic names in a language, by the Polish topic's slug; the topic keeps its Polish address segment.
export const categoryTranslationsFile = z.record(z.string(), z.object({ name: z.string().max(80), description: z.string().optional() }).strict());

/** A room's words in one language, keyed by the Polish room's slug; its capacity, photos and accessibility facts stay the Polish entry's. */
export const roomTranslationsFile = z.record(
  z.string(),
  z
    .object({
      name: z.string().max(120),
      slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
      summary: z.string().max(300),
      description: z.string(),
      floor: z.string().max(40).optional(),
      equipment: z.array(z.string().max(160)),
      accessibilityNotes: z.string().max(1000).optional(),
      howToBook: z.string(),
    })
    .strict(),
);

// The settings' words in a language; contacts' labels in the order of global.json.
export const globalTranslationFile = z
  .object({
    tagline: z.string().max(200),
    description: z.string().max(300),
    defaultSeo: seo,
    registrationConsentText: z.string(),
    roomRequestConsentText: z.string(),
    volunteerConsentText: z.string(),
    volunteerInterestConsentText: z.string(),
    orgJoinConsentText: z.string(),
    contacts: z.array(z.object({ label: z.string() })),
  })
  .strict();

export const globalFile = z.object({
  siteName: z.string(),
  tagline: z.string().optional(),
  description: z.string().optional(),
  address,
  openingHours: z.array(z.object({ dayFrom: z.string(), dayTo: z.string().optional(), opens: z.string(), closes: z.string(), note: z.string().optional() })).default([]),
  email: z.string(),
  phone: z.string().optional(),
  contacts: z.array(z.object({ label: z.string(), email: z.string().optional(), phone: z.string().optional() })).default([]),
  socialLinks: z.array(socialLink).default([]),
  accessibilityStatement: z.object({
    publishedOn: z.string(),
    updatedOn: z.string().optional(),
    contactPerson: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().optional(),
  }),
  registrationConsentText: z.string().optional(),
  registrationConsentVersion: z.string().optional(),
  roomRequestConsentText: z.string().optional(),
  roomRequestConsentVersion: z.string().optional(),
  volunteerConsentText: z.string().optional(),
  volunteerConsentVersion: z.string().optional(),
  volunteerInterestConsentText: z.string().optional(),
  volunteerInterestConsentVersion: z.string().optional(),
  orgJoinConsentText: z.string().optional(),
  orgJoinConsentVersion: z.string().optional(),
  defaultSeo: seo,
});

/** Demo sign-ups for events that take them on the site: fictional people at example.org addresses. */
export const registrationsFile = z.array(
  z.object({
    event: z.string(),
    /** Which upcoming date of the event (0 = the next one), counted from the seed's day. */
    occurrence: z.number().int().min(0).default(0),
    /** "HH:mm" of a time slot, for events with slots. */
    slot: z.string().optional(),
    state: z.enum(['awaiting_confirmation', 'confirmed', 'waitlisted', 'awaiting_approval']),
    name: z.string(),
    email: z.string(),
    organisation: z.string().optional(),
    needs: z.array(z.enum(['sign_language', 'induction_loop', 'step_free', 'other'])).default([]),
    needsOther: z.string().optional(),
  }),
);

/** Demo answers to "Czy ten poradnik był pomocny?": counts per guide and day, and readers' comments. */
const feedbackReason = z.enum(['missing_information', 'out_of_date', 'hard_to_follow', 'broken_link', 'other']);
export const guideFeedbackFile = z.object({
  votes: z.array(
    z.object({
      guide: z.string(),
      /** Days before the seed's day. */
      daysAgo: z.number().int().min(0),
      helpful: z.number().int().min(0),
      notHelpful: z.number().int().min(0),
      /** One reason for each of the first "no" answers. */
      reasons: z.array(feedbackReason).default([]),
    }).refine((vote) => vote.reasons.length <= vote.notHelpful, { message: 'more reasons than "no" answers' }),
  ),
  /** Each a "no" with its reasons and comment. */
  comments: z.array(z.object({ guide: z.string(), daysAgo: z.number().int().min(0), reasons: z.array(feedbackReason).default([]), comment: z.string().min(1).max(1000) })),
});

/** Demo room requests, one or more in each state; `day` is moved forward to the next weekday (Monday–Friday). */
export const roomRequestsFile = z.array(
  z.object({
    room: z.string(),
    day: z.number().int().min(1),
    from: z.string().regex(/^\d{2}:\d{2}$/),
    to: z.string().regex(/^\d{2}:\d{2}$/),
    /** Weekly, this many more weeks. */
    repeatWeeks: z.number().int().min(1).optional(),
    state: z.enum(['awaiting_confirmation', 'requested', 'needs_information', 'approved', 'rejected', 'withdrawn', 'expired']),
    organisation: z.string(),
    krs: z.string().regex(/^\d{10}$/).optional(),
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    purpose: z.string().min(10),
    participants: z.number().int().min(1),
    equipment: z.string().optional(),
    decisionReason: z.string().optional(),
  }),
);

/** Dates are days from the seeding day, so the board always has current offers and one that has ended. */
export const volunteerOffersFile = z.array(
  z.object({
    title: z.string(),
    slug: z.string(),
    organization: z.string(),
    summary: z.string().max(300),
    description: z.string(),
    areas: z.array(z.string()).default([]),
    district: z.string(),
    remote: z.enum(['none', 'possible', 'full']),
    address: address.optional(),
    commitment: z.enum(['one_off', 'regular']),
    schedule: z.string().optional(),
    hours: z.number().int().optional(),
    hoursPer: z.enum(['week', 'month']).optional(),
    startsInDays: z.number().int().optional(),
    endsInDays: z.number().int().optional(),
    deadlineInDays: z.number().int().optional(),
    volunteersWanted: z.number().int().min(1),
    whenFilled: z.enum(['reserve', 'close']).default('reserve'),
    minimumAge: z.number().int().min(13),
    languages: z.array(z.enum(['pl', 'uk', 'en'])).min(1),
    noPolishNeeded: z.boolean().default(false),
    requirements: z.string().optional(),
    offers: z.array(z.enum(['training', 'certificate', 'insurance', 'costRefund', 'agreement'])).default([]),
    benefits: z.string().optional(),
    accessibility: z.string().optional(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string().optional(),
    seo,
    draft,
  }),
);

/** Applications in every state; days are counted back from the seeding day. */
export const volunteerApplicationsFile = z.array(
  z.object({
    offer: z.string(),
    state: z.enum(['awaiting_confirmation', 'submitted', 'accepted', 'declined', 'withdrawn', 'expired']),
    daysAgo: z.number().int().min(0),
    confirmedDaysAgo: z.number().int().min(0).optional(),
    answeredDaysAgo: z.number().int().min(0).optional(),
    name: z.string(),
    email: z.string(),
    phone: z.string().optional(),
    availability: z.string().min(3),
    message: z.string().optional(),
    age: z.enum(['adult', 'minor']),
    declineReason: z.enum(['places_filled', 'profile_mismatch', 'offer_ended', 'other']).optional(),
    answerNote: z.string().optional(),
  }),
);

/**
 * The organisations' panel as editors find it after seeding: join requests from organisations not in
 * the directory, and proposals (new events and offers, profile changes) written into drafts by the
 * organisations' panel persons, waiting in "Zgłoszenia" or already decided. Moments are relative to
 * the seeding day, in the past.
 */
const pastMoment = moment.refine((value) => value.day < 0, { message: 'must be before the seeding day (day < 0)' });
const decision = {
  state: z.enum(['pending', 'rejected']),
  submitted: pastMoment,
  reason: z.enum(['duplicate', 'out_of_scope', 'not_enough_information', 'advertisement', 'other']).optional(),
  reasonText: z.string().min(1).max(1000).optional(),
  decided: pastMoment.optional(),
  decidedBy: z.string().min(1).max(200).optional(),
};
/** Only the fields of the panel's event form (cms/src/org-panel/forms.ts), plus the slug the seed finds the draft by. */
export const proposedEvent = eventsFile.element
  .pick({ title: true, slug: true, description: true, type: true, audience: true, start: true, end: true, allDay: true, format: true, venue: true, onlineUrl: true, registrationUrl: true, isFree: true, price: true, priceNote: true, eventStatus: true, accessibility: true })
  .extend({ registrationMode: z.enum(['none', 'external']).optional() })
  .strict();
/** An offer as the panel's form writes it: the organisation is the proposing one. */
export const proposedOffer = volunteerOffersFile.element.omit({ organization: true, seo: true, draft: true }).strict();
/** Fields of the panel's profile form that change; `areas` is the whole new list, as the form sends it. */
export const proposedProfile = z
  .object({
    shortDescription: z.string().max(300).optional(),
    description: z.string().min(1).optional(),
    areas: z.array(z.string()).optional(),
    district: z.string().optional(),
    acceptsVolunteers: z.boolean().optional(),
    volunteering: z.string().max(5000).optional(),
    website: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
  })
  .strict()
  .refine((profile) => Object.keys(profile).length > 0, { message: 'a profile change changes at least one field' });
const proposer = { organization: z.string(), submittedBy: z.string().email() };
export const orgSubmissionsFile = z.object({
  /** As the join form stores them (cms/src/org-panel/join-rules.ts): bare-digit registry numbers, '' or absent when not given. */
  joinRequests: z.array(
    z
      .object({
        ...decision,
        name: z.string().min(2).max(200),
        legalForm: z.enum(['foundation', 'association', 'ordinary_association', 'informal_group', 'social_cooperative', 'other']),
        krs: z.string().default(''),
        nip: z.string().default(''),
        regon: z.string().default(''),
        shortDescription: z.string().min(20).max(300),
        website: z.string().max(500).default(''),
        email: z.string().email(),
        phone: z.string().max(40).default(''),
        district: z.string().default(''),
        contactName: z.string().min(2).max(120),
        contactEmail: z.string().email(),
        contactPhone: z.string().max(40).default(''),
      })
      .strict(),
  ),
  proposals: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('event'), ...proposer, ...decision, event: proposedEvent }).strict(),
      z.object({ kind: z.literal('volunteer_offer'), ...proposer, ...decision, offer: proposedOffer }).strict(),
      z.object({ kind: z.literal('profile'), ...proposer, ...decision, profile: proposedProfile }).strict(),
    ]),
  ),
});

export type SeedOrgSubmissions = z.infer<typeof orgSubmissionsFile>;
export type SeedJoinRequest = SeedOrgSubmissions['joinRequests'][number];
export type SeedProposal = SeedOrgSubmissions['proposals'][number];
export type SeedVolunteerApplication = z.infer<typeof volunteerApplicationsFile>[number];
export type SeedVolunteerOffer = z.infer<typeof volunteerOffersFile>[number];
export type SeedEvent = z.infer<typeof eventsFile>[number];
export type SeedRegistration = z.infer<typeof registrationsFile>[number];
export type SeedGuideFeedback = z.infer<typeof guideFeedbackFile>;
export type SeedRoomRequest = z.infer<typeof roomRequestsFile>[number];
export type SeedRoom = z.infer<typeof roomsFile>[number];
export type SeedOrganization = z.infer<typeof organizationsFile>[number];
export type GuideFrontMatter = z.infer<typeof guideFrontMatter>;
export type ArticleFrontMatter = z.infer<typeof articleFrontMatter>;
export type PageFrontMatter = z.infer<typeof pageFrontMatter>;
export type TranslationFrontMatter = z.infer<typeof translationFrontMatter>;
export type GlobalTranslation = z.infer<typeof globalTranslationFile>;
export type CategoryTranslations = z.infer<typeof categoryTranslationsFile>;
export type RoomTranslations = z.infer<typeof roomTranslationsFile>;
export type SeedGlobal = z.infer<typeof globalFile>;
export type Media = z.infer<typeof media>;
