import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import * as files from './files';
import { validateOrganization } from '../../src/validation/rules';
import { sameOrganization } from '../../src/org-panel/join-rules';
import { DISTRICTS } from '../../src/shared/enum-labels';

export interface MarkdownEntry<T> {
  file: string;
  meta: T;
  body: string;
}

export interface SeedData {
  dir: string;
  global: files.SeedGlobal;
  categories: z.infer<typeof files.categoriesFile>;
  areas: z.infer<typeof files.areasFile>;
  rooms: files.SeedRoom[];
  organizations: files.SeedOrganization[];
  events: files.SeedEvent[];
  registrations: files.SeedRegistration[];
  guideFeedback: files.SeedGuideFeedback;
  roomRequests: files.SeedRoomRequest[];
  volunteerOffers: files.SeedVolunteerOffer[];
  volunteerApplications: files.SeedVolunteerApplication[];
  orgSubmissions: files.SeedOrgSubmissions;
  guides: MarkdownEntry<files.GuideFrontMatter>[];
  articles: MarkdownEntry<files.ArticleFrontMatter>[];
  pages: MarkdownEntry<files.PageFrontMatter>[];
  /** By language; a missing folder is no translation. */
  translations: Record<TranslationLanguage, SeedTranslations>;
}

export const TRANSLATION_LANGUAGES = ['uk', 'en'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

/** One language's translations; file names are the Polish entries' slugs. */
export interface SeedTranslations {
  global: files.GlobalTranslation | null;
  categories: files.CategoryTranslations;
  rooms: files.RoomTranslations;
  pages: MarkdownEntry<files.TranslationFrontMatter>[];
  guides: MarkdownEntry<files.TranslationFrontMatter>[];
  events: MarkdownEntry<files.TranslationFrontMatter>[];
  volunteerOffers: MarkdownEntry<files.TranslationFrontMatter>[];
  articles: MarkdownEntry<files.TranslationFrontMatter>[];
}

/** The Polish slug a translation file translates. */
export const translatedSlug = (entry: MarkdownEntry<unknown>): string => path.basename(entry.file, '.md');

function readTranslations(dir: string, language: TranslationLanguage): SeedTranslations {
  const base = `translations/${language}`;
  const folder = (name: string) => (existsSync(path.join(dir, base, name)) ? readMarkdown(dir, `${base}/${name}`, files.translationFrontMatter) : []);
  return {
    global: existsSync(path.join(dir, base, 'global.json')) ? readJson(dir, `${base}/global.json`, files.globalTranslationFile) : null,
    categories: existsSync(path.join(dir, base, 'categories.json')) ? readJson(dir, `${base}/categories.json`, files.categoryTranslationsFile) : {},
    rooms: existsSync(path.join(dir, base, 'rooms.json')) ? readJson(dir, `${base}/rooms.json`, files.roomTranslationsFile) : {},
    pages: folder('pages'),
    guides: folder('guides'),
    events: folder('events'),
    volunteerOffers: folder('volunteer-offers'),
    articles: folder('articles'),
  };
}

function parse<T extends z.ZodType>(schema: T, value: unknown, source: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
  throw new Error(`Seed file ${source} is invalid:\n${problems}`);
}

function readJson<T extends z.ZodType>(dir: string, name: string, schema: T): z.infer<T> {
  const file = path.join(dir, name);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Seed file ${name} cannot be read as JSON: ${(error as Error).message}`);
  }
  return parse(schema, value, name);
}

function readMarkdown<T extends z.ZodType>(dir: string, folder: string, schema: T): MarkdownEntry<z.infer<T>>[] {
  const folderPath = path.join(dir, folder);
  return readdirSync(folderPath)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const source = `${folder}/${name}`;
      const { data, content } = matter(readFileSync(path.join(folderPath, name), 'utf8'));
      const meta = parse(schema, data, source);
      if (!content.trim()) throw new Error(`Seed file ${source} has no body text.`);
      return { file: source, meta, body: content.trim() + '\n' };
    });
}

/** Reads and checks every seed file before anything is written, so a bad file changes nothing. */
export function readSeed(dir: string): SeedData {
  const data: SeedData = {
    dir,
    global: readJson(dir, 'global.json', files.globalFile),
    categories: readJson(dir, 'categories.json', files.categoriesFile),
    areas: readJson(dir, 'areas.json', files.areasFile),
    rooms: readJson(dir, 'rooms.json', files.roomsFile),
    organizations: readJson(dir, 'organizations.json', files.organizationsFile),
    events: readJson(dir, 'events.json', files.eventsFile),
    registrations: readJson(dir, 'registrations.json', files.registrationsFile),
    guideFeedback: readJson(dir, 'guide-feedback.json', files.guideFeedbackFile),
    roomRequests: readJson(dir, 'room-requests.json', files.roomRequestsFile),
    volunteerOffers: readJson(dir, 'volunteer-offers.json', files.volunteerOffersFile),
    volunteerApplications: readJson(dir, 'volunteer-applications.json', files.volunteerApplicationsFile),
    orgSubmissions: readJson(dir, 'org-submissions.json', files.orgSubmissionsFile),
    guides: readMarkdown(dir, 'guides', files.guideFrontMatter),
    articles: readMarkdown(dir, 'articles', files.articleFrontMatter),
    pages: readMarkdown(dir, 'pages', files.pageFrontMatter),
    translations: { uk: readTranslations(dir, 'uk'), en: readTranslations(dir, 'en') },
  };
  checkReferences(data);
  return data;
}

function checkReferences(data: SeedData): void {
  const problems: string[] = [];
  const slugs = (items: { slug: string; draft?: boolean }[]) => new Set(items.filter((i) => !i.draft).map((i) => i.slug));
  const rooms = slugs(data.rooms);
  const orgs = slugs(data.organizations);
  const categories = slugs(data.categories);
  const areas = slugs(data.areas);
  const guides = slugs(data.guides.map((g) => g.meta));
  for (const event of data.events) {
    if (event.room && !rooms.has(event.room)) problems.push(`events.json "${event.slug}": unknown or unpublished room "${event.room}"`);
    if (event.organizer && !orgs.has(event.organizer)) problems.push(`events.json "${event.slug}": unknown or unpublished organizer "${event.organizer}"`);
  }
  const onSite = new Set(data.events.filter((e) => e.registrationMode === 'site' && !e.draft).map((e) => e.slug));
  for (const registration of data.registrations) {
    if (!onSite.has(registration.event)) problems.push(`registrations.json: "${registration.email}" signs up for "${registration.event}", which is not a published event with sign-ups on the site`);
  }
  for (const { guide } of [...data.guideFeedback.votes, ...data.guideFeedback.comments]) {
    if (!guides.has(guide)) problems.push(`guide-feedback.json: unknown or unpublished guide "${guide}"`);
  }
  for (const request of data.roomRequests) {
    const room = data.rooms.find((entry) => entry.slug === request.room && !entry.draft);
    if (!room) problems.push(`room-requests.json: "${request.email}" asks for unknown or unpublished room "${request.room}"`);
    else if (request.participants > room.capacity) problems.push(`room-requests.json: "${request.email}" asks for ${request.participants} people in "${request.room}", which holds ${room.capacity}`);
  }
  for (const language of TRANSLATION_LANGUAGES) {
    const translations = data.translations[language];
    const polish: [string, keyof Omit<SeedTranslations, 'global' | 'categories' | 'rooms'>, Set<string>][] = [
      ['pages', 'pages', slugs(data.pages.map((p) => p.meta))],
      ['guides', 'guides', guides],
      ['events', 'events', slugs(data.events)],
      ['volunteer-offers', 'volunteerOffers', slugs(data.volunteerOffers)],
      ['articles', 'articles', slugs(data.articles.map((a) => a.meta))],
    ];
    for (const [folder, key, published] of polish) {
      const seen = new Set<string>();
      for (const entry of translations[key]) {
        if (!published.has(translatedSlug(entry))) problems.push(`${entry.file}: no published Polish entry "${translatedSlug(entry)}" in ${folder} to translate`);
        if (seen.has(entry.meta.slug)) problems.push(`${entry.file}: slug "${entry.meta.slug}" is used by another ${language} translation in ${folder}`);
        seen.add(entry.meta.slug);
      }
    }
    for (const slug of Object.keys(translations.categories)) {
      if (!categories.has(slug)) problems.push(`translations/${language}/categories.json: no published Polish topic "${slug}" to translate`);
    }
    const roomSlugs = new Set<string>();
    for (const [slug, room] of Object.entries(translations.rooms)) {
      // A room still in draft (being fitted out) may be translated ahead; the translation stays a draft too.
      const original = data.rooms.find((entry) => entry.slug === slug);
      if (!original) problems.push(`translations/${language}/rooms.json: no Polish room "${slug}" to translate`);
      else if (room.equipment.length !== original.equipment.length) problems.push(`translations/${language}/rooms.json "${slug}": ${room.equipment.length} equipment items for the ${original.equipment.length} of rooms.json`);
      if (roomSlugs.has(room.slug)) problems.push(`translations/${language}/rooms.json "${slug}": slug "${room.slug}" is used by another room`);
      roomSlugs.add(room.slug);
    }
    if (translations.global && translations.global.contacts.length !== data.global.contacts.length) {
      problems.push(`translations/${language}/global.json: ${translations.global.contacts.length} contact labels for the ${data.global.contacts.length} contacts of global.json`);
    }
  }
  for (const org of data.organizations) {
    for (const area of org.areas) if (!areas.has(area)) problems.push(`organizations.json "${org.slug}": unknown area "${area}"`);
  }
  for (const offer of data.volunteerOffers) {
    if (!orgs.has(offer.organization)) problems.push(`volunteer-offers.json "${offer.slug}": unknown or unpublished organization "${offer.organization}"`);
    for (const area of offer.areas) if (!areas.has(area)) problems.push(`volunteer-offers.json "${offer.slug}": unknown area "${area}"`);
  }
  const offers = slugs(data.volunteerOffers);
  for (const application of data.volunteerApplications) {
    const where = `volunteer-applications.json "${application.email}"`;
    if (!offers.has(application.offer)) problems.push(`${where}: unknown or unpublished offer "${application.offer}"`);
    const answered = application.state === 'accepted' || application.state === 'declined';
    if (answered !== (application.answeredDaysAgo !== undefined)) problems.push(`${where}: answeredDaysAgo belongs to accepted and declined applications only`);
    if ((application.state === 'declined') !== (application.declineReason !== undefined)) problems.push(`${where}: a declined application (and only one) needs declineReason`);
  }
  problems.push(...orgSubmissionProblems(data, orgs, areas));
  for (const { file, meta } of data.guides) {
    if (meta.category && !categories.has(meta.category)) problems.push(`${file}: unknown category "${meta.category}"`);
    for (const related of meta.related) if (!guides.has(related)) problems.push(`${file}: unknown related guide "${related}"`);
  }
  const proposed = <T>(kind: string, pick: (proposal: files.SeedProposal) => T | undefined): T[] => data.orgSubmissions.proposals.filter((p) => p.kind === kind).map(pick).filter((item): item is T => item !== undefined);
  const proposedEvents = proposed('event', (p) => (p.kind === 'event' ? p.event : undefined));
  const proposedOffers = proposed('volunteer_offer', (p) => (p.kind === 'volunteer_offer' ? p.offer : undefined));
  const all = [data.categories, data.areas, data.rooms, data.organizations, [...data.events, ...proposedEvents], data.guides.map((g) => g.meta), data.articles.map((a) => a.meta), data.pages.map((p) => p.meta), [...data.volunteerOffers, ...proposedOffers]];
  for (const list of all) {
    const seen = new Set<string>();
    for (const { slug } of list) {
      if (seen.has(slug)) problems.push(`duplicate slug "${slug}"`);
      seen.add(slug);
    }
  }
  if (problems.length > 0) throw new Error(`Seed content has broken references:\n  ${problems.join('\n  ')}`);
}

/** A moment relative to the seeding day as minutes, for ordering two of them. */
const minutesOf = ({ day, time }: { day: number; time: string }): number => {
  const [hours, minutes] = time.split(':').map(Number);
  return day * 1440 + hours! * 60 + minutes!;
};

/**
 * org-submissions.json: who proposes (a published seed organisation, through one of its panel
 * persons or its contact address), what (areas that exist, a profile change that changes
 * something, one waiting proposal per entry), what was decided, and join requests the join form
 * would have stored (valid registry numbers, not an organisation the directory has).
 */
function orgSubmissionProblems(data: SeedData, orgs: Set<string>, areas: Set<string>): string[] {
  const problems: string[] = [];
  const { joinRequests, proposals } = data.orgSubmissions;
  const decisionProblems = (where: string, item: files.SeedProposal | files.SeedJoinRequest): void => {
    const decided = [item.reason, item.decided, item.decidedBy].filter((value) => value !== undefined).length;
    if (item.state === 'pending' && (decided > 0 || item.reasonText !== undefined)) problems.push(`${where}: a pending submission has no reason, reasonText, decided or decidedBy`);
    if (item.state === 'rejected' && decided < 3) problems.push(`${where}: a rejected submission needs reason, decided and decidedBy`);
    if (item.reason === 'other' && !item.reasonText) problems.push(`${where}: the reason "other" needs reasonText, as in the admin`);
    if (item.decided && minutesOf(item.decided) <= minutesOf(item.submitted)) problems.push(`${where}: decided before it was submitted`);
  };
  const waiting = new Set<string>();
  for (const [index, proposal] of proposals.entries()) {
    const where = `org-submissions.json proposals[${index}] (${proposal.kind})`;
    decisionProblems(where, proposal);
    const org = data.organizations.find((entry) => entry.slug === proposal.organization);
    if (!org || !orgs.has(proposal.organization)) {
      problems.push(`${where}: unknown or unpublished organization "${proposal.organization}"`);
      continue;
    }
    const signsIn = new Set([...org.panelPersons.map((person) => person.email.toLowerCase()), ...(org.email ? [org.email.toLowerCase()] : [])]);
    if (!signsIn.has(proposal.submittedBy.toLowerCase())) problems.push(`${where}: "${proposal.submittedBy}" cannot sign in to the panel of "${org.slug}" (add them to its panelPersons)`);
    const target = proposal.kind === 'event' ? proposal.event.slug : proposal.kind === 'volunteer_offer' ? proposal.offer.slug : org.slug;
    const entryKey = `${proposal.kind}:${target}`;
    if (waiting.has(entryKey)) problems.push(`${where}: a second proposal for ${entryKey} (the panel keeps one per entry)`);
    waiting.add(entryKey);
    if (proposal.kind === 'volunteer_offer') {
      for (const area of proposal.offer.areas) if (!areas.has(area)) problems.push(`${where} "${proposal.offer.slug}": unknown area "${area}"`);
    }
    if (proposal.kind === 'profile') {
      const { profile } = proposal;
      if (proposal.state !== 'pending') problems.push(`${where}: only a pending profile change can be seeded (a rejected edit has its draft discarded)`);
      for (const area of profile.areas ?? []) if (!areas.has(area)) problems.push(`${where}: unknown area "${area}"`);
      if (profile.district !== undefined && !Object.hasOwn(DISTRICTS, profile.district)) problems.push(`${where}: unknown district "${profile.district}"`);
      const same = (Object.keys(profile) as (keyof typeof profile)[]).every((field) => JSON.stringify(field === 'areas' ? [...(profile.areas ?? [])].sort() : profile[field]) === JSON.stringify(field === 'areas' ? [...org.areas].sort() : org[field]));
      if (same) problems.push(`${where}: the change equals the published profile of "${org.slug}"`);
      problems.push(...validateOrganization({ ...org, ...profile }).map((error) => `${where}: ${error.message}`));
    }
  }
  for (const [index, request] of joinRequests.entries()) {
    const where = `org-submissions.json joinRequests[${index}] "${request.name}"`;
    decisionProblems(where, request);
    problems.push(...validateOrganization({ legalForm: request.legalForm, krs: request.krs, nip: request.nip, regon: request.regon, website: request.website, phone: request.phone, email: request.email }).map((error) => `${where}: ${error.message}`));
    for (const field of ['krs', 'nip', 'regon'] as const) if (request[field] !== '' && !/^\d+$/.test(request[field])) problems.push(`${where}: ${field} as the form stores it, bare digits`);
    if (request.district !== '' && !Object.hasOwn(DISTRICTS, request.district)) problems.push(`${where}: unknown district "${request.district}"`);
    const known = data.organizations.find((org) => sameOrganization(request, { krs: org.krs ?? '', nip: org.nip ?? '', email: org.email ?? '' }));
    if (known) problems.push(`${where}: "${known.slug}" is in the directory already (same KRS, NIP or e-mail)`);
    const repeated = joinRequests.findIndex((other) => sameOrganization(request, other));
    if (repeated !== index) problems.push(`${where}: repeats joinRequests[${repeated}]`);
  }
  return problems;
}
