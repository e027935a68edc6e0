import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import type { z } from 'zod';
import * as files from './files';

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
  guides: MarkdownEntry<files.GuideFrontMatter>[];
  articles: MarkdownEntry<files.ArticleFrontMatter>[];
  pages: MarkdownEntry<files.PageFrontMatter>[];
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
    guides: readMarkdown(dir, 'guides', files.guideFrontMatter),
    articles: readMarkdown(dir, 'articles', files.articleFrontMatter),
    pages: readMarkdown(dir, 'pages', files.pageFrontMatter),
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
  for (const { file, meta } of data.guides) {
    if (meta.category && !categories.has(meta.category)) problems.push(`${file}: unknown category "${meta.category}"`);
    for (const related of meta.related) if (!guides.has(related)) problems.push(`${file}: unknown related guide "${related}"`);
  }
  const all = [data.categories, data.areas, data.rooms, data.organizations, data.events, data.guides.map((g) => g.meta), data.articles.map((a) => a.meta), data.pages.map((p) => p.meta), data.volunteerOffers];
  for (const list of all) {
    const seen = new Set<string>();
    for (const { slug } of list) {
      if (seen.has(slug)) problems.push(`duplicate slug "${slug}"`);
      seen.add(slug);
    }
  }
  if (problems.length > 0) throw new Error(`Seed content has broken references:\n  ${problems.join('\n  ')}`);
}
