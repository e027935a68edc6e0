import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../scripts/lib/paths.ts';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { isValidNip, isValidRegon, isValidKrs } from '../../cms/src/validation/polish-registers';
import { PUBLIC_COLLECTION_PATHS } from '../../cms/src/access/public-content';
import { call, cms, listAll } from './client.ts';

type Doc = Record<string, unknown> & { documentId: string; publishedAt: string | null; updatedAt: string; slug: string };
const DAY = 86_400_000;
const SUBMISSION = 'api::org-submission.org-submission';

/** cms/seed/org-submissions.json, as much of it as these tests read. */
interface SeedSubmissions {
  joinRequests: { name: string; contactName: string; contactEmail: string; state: string }[];
  proposals: {
    kind: 'event' | 'volunteer_offer' | 'profile';
    organization: string;
    submittedBy: string;
    state: string;
    reason?: string;
    reasonText?: string;
    decidedBy?: string;
    event?: { title: string; slug: string };
    offer?: { title: string; slug: string };
    profile?: { shortDescription?: string; areas?: string[] };
  }[];
}
const seedFile = <T>(name: string): T => JSON.parse(readFileSync(path.join(SEED_DIR, name), 'utf8')) as T;

interface Waiting {
  id: number;
  kind: string;
  change: string;
  state: string;
  title: string;
  targetDocumentId: string | null;
  organizationDocumentId: string | null;
  organizationName: string | null;
  submittedBy: string | null;
  submittedAt: string;
  reason: string | null;
  reasonText: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
}

/** Every org-submission row as the content manager lists them (the admin's own API). */
async function allSubmissions(): Promise<(Waiting & { documentId: string; updatedAt: string })[]> {
  const rows: (Waiting & { documentId: string; updatedAt: string })[] = [];
  for (let page = 1; ; page += 1) {
    const { status, body } = await call<{ results: (Waiting & { documentId: string; updatedAt: string })[]; pagination: { pageCount: number } }>('GET', `/content-manager/collection-types/${SUBMISSION}?page=${page}&pageSize=100&sort=id:ASC`, { auth: 'admin' });
    expect(status, JSON.stringify(body)).toBe(200);
    rows.push(...body.results);
    if (page >= body.pagination.pageCount) return rows;
  }
}

const published = <T = Doc>(plural: string, query = '') => listAll<T>(plural, query);

describe('seeded content', () => {
  it('has at least 12 guides across at least 6 topics', async () => {
    const guides = await published<Doc & { category: { slug: string } | null }>('guides', 'populate=category');
    expect(guides.length).toBeGreaterThanOrEqual(12);
    expect(new Set(guides.map((g) => g.category?.slug).filter(Boolean)).size).toBeGreaterThanOrEqual(6);
    expect(guides.every((g) => typeof g.body === 'string' && (g.body as string).includes('## '))).toBe(true);
  });

  it('has at least 30 events from two months back to three months ahead, of every type', async () => {
    const events = await published<Doc & { startsAt: string; type: string; format: string; eventStatus: string; recurrence: unknown }>('events', 'populate=recurrence');
    expect(events.length).toBeGreaterThanOrEqual(30);
    const offsets = events.map((e) => (Date.parse(e.startsAt) - Date.now()) / DAY);
    expect(Math.min(...offsets)).toBeLessThan(-45);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(-62);
    expect(Math.max(...offsets)).toBeGreaterThan(60);
    expect(Math.max(...offsets)).toBeLessThanOrEqual(92);
    const types = new Set(events.map((e) => e.type));
    for (const type of ['seminar', 'training', 'consulting', 'working_group', 'coaching', 'mentoring', 'meeting', 'volunteering', 'other']) {
      expect(types, type).toContain(type);
    }
    expect(events.filter((e) => e.format === 'online').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.eventStatus === 'cancelled').length).toBeGreaterThan(0);
    expect(events.filter((e) => e.recurrence).length).toBeGreaterThan(0);
  });

  it('stores every event at the Kraków wall-clock time written in the seed, whichever side of a DST change it falls on', async () => {
    const seedEvents = JSON.parse(readFileSync(path.join(SEED_DIR, 'events.json'), 'utf8')) as {
      slug: string;
      start: { day: number; time: string };
      draft?: boolean;
      recurrence?: { frequency: string; weekdays?: string[] };
    }[];
    const storedEvents = await published<Doc & { startsAt: string; createdAt: string }>('events');
    const stored = new Map(storedEvents.map((e) => [e.slug, e.startsAt]));
    const createdAt = new Map(storedEvents.map((e) => [e.slug, e.createdAt]));
    const local = (iso: string) => {
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
      const get = (type: string) => parts.find((p) => p.type === type)!.value;
      return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
    };
    for (const event of seedEvents.filter((e) => !e.draft)) {
      const startsAt = stored.get(event.slug);
      expect(startsAt, event.slug).toBeDefined();
      // Days count from the day the seed ran (its entries' creation), not from now: a suite that
      // crosses midnight in Kraków would otherwise see every date one day off.
      const today = local(createdAt.get(event.slug)!).date;
      const { date, time } = local(startsAt!);
      expect(time, event.slug).toBe(event.start.time.padStart(5, '0'));
      const shift = Math.round((Date.parse(`${date}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / DAY) - event.start.day;
      const weekdays = event.recurrence?.frequency === 'weekly' ? (event.recurrence.weekdays ?? []) : [];
      if (weekdays.length === 0) {
        expect(shift, event.slug).toBe(0);
      } else {
        // Weekly events start on their first listed weekday on or after the seed's day.
        expect(shift, event.slug).toBeGreaterThanOrEqual(0);
        expect(shift, event.slug).toBeLessThan(7);
        const weekday = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' }).toLowerCase();
        expect(weekdays, event.slug).toContain(weekday);
      }
    }
  });

  it('has at least 10 partner organizations with valid registry numbers', async () => {
    const orgs = await published<Doc & { nip: string | null; regon: string | null; krs: string | null }>('organizations');
    expect(orgs.length).toBeGreaterThanOrEqual(10);
    for (const org of orgs) {
      if (org.nip) expect(isValidNip(org.nip), `${org.slug} NIP`).toBe(true);
      if (org.regon) expect(isValidRegon(org.regon), `${org.slug} REGON`).toBe(true);
      if (org.krs) expect(isValidKrs(org.krs), `${org.slug} KRS`).toBe(true);
    }
    expect(orgs.filter((o) => o.nip && o.regon && o.krs).length).toBeGreaterThanOrEqual(6);
  });

  it('has at least 8 articles with alt-texted covers, 4 rooms and the four pages', async () => {
    const articles = await published<Doc & { cover: { alternativeText: string | null; url: string } | null }>('articles', 'populate=cover');
    expect(articles.length).toBeGreaterThanOrEqual(8);
    const covers = articles.map((a) => a.cover).filter((c) => c !== null);
    expect(covers.length).toBeGreaterThan(0);
    for (const cover of covers) {
      expect(cover!.alternativeText).toBeTruthy();
      expect((await fetch(`${cms().url}${cover!.url}`)).status).toBe(200);
    }
    expect((await published('rooms')).length).toBeGreaterThanOrEqual(4);
    const pages = await published('pages');
    for (const slug of ['o-centrum', 'kontakt', 'deklaracja-dostepnosci', 'polityka-prywatnosci']) {
      expect(pages.map((p) => p.slug)).toContain(slug);
    }
  });

  it('has 8–10 volunteering offers across areas: regular and one-off, remote, 13+, for Ukrainian speakers and one already ended', async () => {
    type Offer = Doc & { commitment: string; remote: string; minimumAge: number; noPolishNeeded: boolean; usesUkrainian: boolean; endsOn: string | null; areas: { slug: string }[]; organization: { slug: string } | null };
    const offers = await published<Offer>('volunteer-offers', 'populate[areas][fields][0]=slug&populate[organization][fields][0]=slug');
    expect(offers.length).toBeGreaterThanOrEqual(8);
    expect(offers.length).toBeLessThanOrEqual(10);
    expect(new Set(offers.map((o) => o.commitment))).toEqual(new Set(['regular', 'one_off']));
    expect(offers.some((o) => o.remote === 'full')).toBe(true);
    expect(offers.some((o) => o.minimumAge === 13)).toBe(true);
    expect(offers.some((o) => o.noPolishNeeded && o.usesUkrainian)).toBe(true);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Warsaw' });
    expect(offers.some((o) => o.endsOn !== null && o.endsOn < today)).toBe(true);
    expect(new Set(offers.flatMap((o) => o.areas.map((a) => a.slug))).size).toBeGreaterThanOrEqual(6);
    expect(offers.every((o) => o.organization !== null)).toBe(true);
  });

  it('attaches downloadable documents to guides', async () => {
    const guides = await published<Doc & { attachments: { ext: string; url: string }[] | null }>('guides', 'populate=attachments');
    const files = guides.flatMap((g) => g.attachments ?? []);
    expect(new Set(files.map((f) => f.ext))).toEqual(new Set(['.pdf', '.docx', '.odt', '.xlsx']));
    for (const file of files) expect((await fetch(`${cms().url}${file.url}`)).status).toBe(200);
  });
});

describe('the organisations’ panel as seeded', () => {
  const seeded = seedFile<SeedSubmissions>('org-submissions.json');
  const organizations = seedFile<{ slug: string; name: string; shortDescription?: string; areas: string[]; panelPersons?: { email: string }[] }[]>('organizations.json');
  const proposal = (kind: string, state: string) => {
    const found = seeded.proposals.find((p) => p.kind === kind && p.state === state);
    expect(found, `org-submissions.json has a ${state} ${kind}`).toBeDefined();
    return found!;
  };
  const orgOf = (slug: string) => organizations.find((org) => org.slug === slug)!;
  const waiting = async () => {
    const list = await call<{ data: { waiting: Waiting[] }; meta: { pending: number } }>('GET', '/admin/co/submissions', { auth: 'admin' });
    expect(list.status).toBe(200);
    return list.body;
  };

  it('has a join request, a proposed event, a proposed offer and a profile change waiting in Zgłoszenia, from persons of two organisations', async () => {
    const { data, meta } = await waiting();
    expect(meta.pending).toBeGreaterThanOrEqual(4);
    const join = seeded.joinRequests.find((request) => request.state === 'pending')!;
    const joinRow = data.waiting.find((row) => row.kind === 'join' && row.title === join.name);
    expect(joinRow, join.name).toMatchObject({ state: 'pending', change: 'new', targetDocumentId: null, submittedBy: join.contactEmail });
    const detail = await call<{ data: { join: { field: string; value: string }[] } }>('GET', `/admin/co/submissions/${joinRow!.id}`, { auth: 'admin' });
    expect(detail.body.data.join).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'contactName', value: join.contactName })]));

    const proposers = new Set<string>();
    for (const [kind, title] of [['event', proposal('event', 'pending').event!.title], ['volunteer_offer', proposal('volunteer_offer', 'pending').offer!.title], ['profile', orgOf(proposal('profile', 'pending').organization).name]] as const) {
      const item = proposal(kind, 'pending');
      const org = orgOf(item.organization);
      const row = data.waiting.find((entry) => entry.kind === kind && entry.title === title);
      expect(row, `${kind} „${title}”`).toMatchObject({ state: 'pending', change: kind === 'profile' ? 'edit' : 'new', organizationName: org.name, submittedBy: item.submittedBy });
      expect(org.panelPersons?.map((person) => person.email), `${kind}: sent by one of ${org.slug}'s panel persons`).toContain(item.submittedBy);
      expect(Date.parse(row!.submittedAt)).toBeLessThan(Date.now());
      proposers.add(item.organization);
    }
    expect(proposers.size, 'proposals from two organisations').toBe(2);
  });

  it('keeps the published profile online while its draft holds the change', async () => {
    const change = proposal('profile', 'pending');
    const org = orgOf(change.organization);
    const online = await call<{ data: (Doc & { shortDescription: string; areas: { slug: string }[] })[] }>('GET', `/api/organizations?filters[slug][$eq]=${org.slug}&populate[areas][fields][0]=slug`);
    expect(online.body.data).toHaveLength(1);
    const published = online.body.data[0]!;
    expect(published.shortDescription).toBe(org.shortDescription);
    expect(published.areas.map((a) => a.slug).sort()).toEqual([...org.areas].sort());

    const draft = await call<{ data: Doc & { shortDescription: string; areas: { slug: string }[] } }>('GET', `/api/organizations/${published.documentId}?status=draft&populate[areas][fields][0]=slug`, { auth: 'full' });
    expect(draft.status).toBe(200);
    expect(draft.body.data.shortDescription).toBe(change.profile!.shortDescription);
    expect(draft.body.data.shortDescription).not.toBe(org.shortDescription);
    expect(draft.body.data.areas.map((a) => a.slug).sort()).toEqual([...change.profile!.areas!].sort());

    const row = (await waiting()).data.waiting.find((entry) => entry.kind === 'profile' && entry.targetDocumentId === published.documentId)!;
    const detail = await call<{ data: { hasPublishedVersion: boolean; changes: { field: string }[] } }>('GET', `/admin/co/submissions/${row.id}`, { auth: 'admin' });
    expect(detail.body.data.hasPublishedVersion).toBe(true);
    expect(detail.body.data.changes.map((c) => c.field).sort()).toEqual(['areas', 'shortDescription']);
  });

  it('keeps the proposed event and offer as drafts only, out of the public API', async () => {
    for (const [plural, entry, organizer] of [['events', proposal('event', 'pending').event!, 'organizer'], ['volunteer-offers', proposal('volunteer_offer', 'pending').offer!, 'organization'], ['events', proposal('event', 'rejected').event!, 'organizer']] as const) {
      const online = await call<{ data: unknown[] }>('GET', `/api/${plural}?filters[slug][$eq]=${entry.slug}`);
      expect(online.body.data, `${entry.slug} is not public`).toEqual([]);
      const drafts = await listAll<Doc & Record<string, { slug: string } | null>>(plural, `status=draft&filters[slug][$eq]=${entry.slug}&populate[${organizer}][fields][0]=slug`, 'full');
      expect(drafts.map((d) => d.title), `${entry.slug} has its draft`).toEqual([entry.title]);
      expect(drafts[0]![organizer]).not.toBeNull();
      const everPublished = await listAll<Doc>(plural, `status=published&filters[slug][$eq]=${entry.slug}`, 'full');
      expect(everPublished, `${entry.slug} was never published`).toEqual([]);
    }
  });

  it('has a rejected proposal with the editors’ reason, whose draft the organisation keeps', async () => {
    const rejected = proposal('event', 'rejected');
    const rows = (await allSubmissions()).filter((row) => row.title === rejected.event!.title);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'event', change: 'new', state: 'rejected', reason: rejected.reason, reasonText: rejected.reasonText, decidedBy: 'Redakcja Centrum', organizationName: orgOf(rejected.organization).name });
    expect(Date.parse(rows[0]!.decidedAt!)).toBeGreaterThan(Date.parse(rows[0]!.submittedAt));
    expect(Date.parse(rows[0]!.decidedAt!)).toBeLessThan(Date.now());
    expect((await waiting()).data.waiting.map((row) => row.title)).not.toContain(rejected.event!.title);
  });
});

describe('seeding again', () => {
  const snapshot = async () => {
    const result: Record<string, string[]> = {};
    for (const plural of Object.values(PUBLIC_COLLECTION_PATHS)) {
      result[plural] = (await listAll<Doc>(plural, 'status=draft', 'full')).map((d) => `${d.documentId}@${d.updatedAt}`).sort();
      result[`${plural}:published`] = (await listAll<Doc>(plural, 'status=published', 'full')).map((d) => `${d.documentId}@${d.updatedAt}`).sort();
    }
    result.global = [JSON.stringify((await call('GET', '/api/global')).body)];
    result.files = [String(((await call<unknown[]>('GET', '/api/upload/files', { auth: 'full' })).body).length)];
    result.submissions = (await allSubmissions()).map((row) => `${row.documentId}@${row.updatedAt}`).sort();
    return result;
  };

  it('changes nothing and creates no duplicates', async () => {
    expect(cms().firstSeedOutput).toMatch(/wydarzenia: dodano \d+, już istniało 0/);
    const submissions = seedFile<SeedSubmissions>('org-submissions.json');
    expect(cms().firstSeedOutput).toContain(`zgłoszenia organizacji: dodano ${submissions.proposals.length + submissions.joinRequests.length}, już istniało 0`);
    const before = await snapshot();
    const output = await runCmsScript('seed', [], { env: cms().env, capture: true });
    expect(output).toMatch(/Przykładowe treści: dodano 0 wpisów i 0 plików/);
    expect(output).toMatch(/zgłoszenia organizacji: dodano 0, już istniało [1-9]/);
    expect(await snapshot()).toEqual(before);
  });

  it('recognises a demo entry whose slug an editor changed, instead of creating it again', async () => {
    const [area] = await listAll<Doc>('areas', 'filters[slug][$eq]=kultura', 'full');
    expect(area).toBeDefined();
    const renamed = await call('PUT', `/api/areas/${area!.documentId}`, { auth: 'full', body: { data: { slug: 'kultura-i-sztuka' } } });
    expect(renamed.status).toBe(200);
    const before = (await listAll<Doc>('areas', 'status=draft', 'full')).length;
    const output = await runCmsScript('seed', [], { env: cms().env, capture: true });
    expect(output).toMatch(/obszary działania: dodano 0/);
    const after = await listAll<Doc>('areas', 'status=draft', 'full');
    expect(after).toHaveLength(before);
    expect(after.map((a) => a.slug)).not.toContain('kultura');
  });
});
