import { afterAll, describe, expect, it } from 'vitest';
import { call, cms } from './client.ts';
import { nextIp, post, type FormOptions } from './signups.ts';

// "Czy ten poradnik był pomocny?" against the real CMS: the form's answers, the one-vote cookie,
// every refusal, concurrency, what is stored, and the editors' ranked view.

interface Guide {
  documentId: string;
  slug: string;
}

interface Answer {
  result: string;
  message: string;
  field?: string;
  location?: string;
}

interface Rating {
  guideDocumentId: string;
  helpful: number;
  notHelpful: number;
  votes: number;
  share: number | null;
  needsImprovement: boolean;
  reasons: Record<string, number>;
  latestVersion: { updatedAt: string; helpful: number; notHelpful: number };
  comments: { comment: string; reasons: string[] }[];
}

const created: string[] = [];
afterAll(async () => {
  for (const documentId of created.splice(0)) await call('DELETE', `/api/guides/${documentId}`, { auth: 'full' });
});

async function createGuide(title: string): Promise<Guide> {
  const response = await call<{ data: Guide }>('POST', '/api/guides', {
    auth: 'full',
    body: { data: { title: `${title} ${Date.now().toString(36)}`, summary: 'Poradnik z testu ocen.', body: 'Treść poradnika.\n\n## Krok pierwszy\n\nOpis.', audience: 'everyone' } },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  created.push(response.body.data.documentId);
  return response.body.data;
}

/** One browser: keeps the CMS's cookie between posts, as a real one does. */
function browser(ip = nextIp()) {
  let cookie = '';
  return {
    get cookie() {
      return cookie;
    },
    async rate(fields: Record<string, string | string[]>, options: FormOptions = {}): Promise<{ status: number; location: string | null; body: Answer | null }> {
      const response = await post('/api/guide-feedback', fields, { ...options, ip, cookie });
      const set = response.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      const location = response.headers.get('location');
      return { status: response.status, location, body: options.asForm ? null : ((await response.json()) as Answer) };
    },
  };
}

async function ratings(): Promise<Rating[]> {
  const { status, body } = await call<{ data: Rating[] }>('GET', '/admin/co/guide-feedback', { auth: 'admin' });
  expect(status, JSON.stringify(body)).toBe(200);
  return body.data;
}
const ratingOf = async (guide: Guide): Promise<Rating | undefined> => (await ratings()).find((rating) => rating.guideDocumentId === guide.documentId);

describe('was this guide helpful?', () => {
  it('counts a "yes", thanks the reader, and takes one answer per browser', async () => {
    const guide = await createGuide('Poradnik na tak');
    const reader = browser();
    expect(await reader.rate({ guide: guide.documentId, helpful: 'tak' })).toMatchObject({ status: 200, body: { result: 'thanks' } });
    // The cookie names the guide and the answer, nothing that identifies the browser.
    expect(reader.cookie).toBe(`co_oceny=${guide.documentId}.y`);
    expect(await reader.rate({ guide: guide.documentId, helpful: 'nie' })).toMatchObject({ status: 409, body: { result: 'already_rated' } });
    expect(await browser().rate({ guide: guide.documentId, helpful: 'tak' })).toMatchObject({ body: { result: 'thanks' } });
    expect(await ratingOf(guide)).toMatchObject({ helpful: 2, notHelpful: 0, votes: 2, share: 1, needsImprovement: false, comments: [] });
  });

  it('after "no" asks on the guide page what to improve, and takes the reasons and comment once', async () => {
    const guide = await createGuide('Poradnik na nie');
    const reader = browser();
    const no = await reader.rate({ guide: guide.documentId, helpful: 'nie', website: '' }, { asForm: true });
    expect(no.status).toBe(303);
    expect(no.location).toBe(`${cms().siteUrl}/baza-wiedzy/inne/${guide.slug}/#co-poprawic`);

    const details = await reader.rate({ guide: guide.documentId, reasons: ['out_of_date', 'broken_link'], comment: '  Link do formularza\r\nnie działa.  ' }, { asForm: true });
    expect(details).toMatchObject({ status: 303, location: `${cms().siteUrl}/opinia/dziekujemy-za-uwagi/` });
    expect(await reader.rate({ guide: guide.documentId, reasons: 'other' })).toMatchObject({ status: 409, body: { result: 'already_rated' } });

    // With JavaScript off or on, a "no" with its reasons in one post counts the same.
    expect(await browser().rate({ guide: guide.documentId, helpful: 'nie', reasons: 'out_of_date' })).toMatchObject({ body: { result: 'thanks_details' } });
    expect(await ratingOf(guide)).toMatchObject({
      helpful: 0,
      notHelpful: 2,
      share: 0,
      reasons: { out_of_date: 2, broken_link: 1, other: 0, missing_information: 0, hard_to_follow: 0 },
      comments: [{ comment: 'Link do formularza\nnie działa.', reasons: ['out_of_date', 'broken_link'] }],
    });
  });

  it('answers a rating from the Ukrainian guide page in Ukrainian: after "no" back to the Ukrainian page, then its thank-you page', async () => {
    const guide = await createGuide('Poradnik przetłumaczony');
    const translated = await call('PUT', `/api/guides/${guide.documentId}?locale=uk`, { auth: 'full', body: { data: { title: 'Порадник українською', summary: 'Коротко.', body: 'Текст.\n\n## Перший крок\n\nОпис.' } } });
    expect(translated.status, JSON.stringify(translated.body)).toBe(200);
    const ukSlug = (translated.body as { data: { slug: string } }).data.slug;
    const reader = browser();
    const no = await reader.rate({ guide: guide.documentId, helpful: 'nie', language: 'uk' }, { asForm: true });
    expect(no.location).toBe(`${cms().siteUrl}/uk/baza-wiedzy/inne/${ukSlug}/#co-poprawic`);
    const details = await reader.rate({ guide: guide.documentId, reasons: 'out_of_date', language: 'uk' }, { asForm: true });
    expect(details.location).toBe(`${cms().siteUrl}/uk/opinia/dziekujemy-za-uwagi/`);
    // A guide not translated into English sends an English reader back to the Polish page, and thanks in English.
    const other = await createGuide('Poradnik tylko po polsku');
    const english = await browser().rate({ guide: other.documentId, helpful: 'nie', language: 'en' }, { asForm: true });
    expect(english.location).toBe(`${cms().siteUrl}/baza-wiedzy/inne/${other.slug}/#co-poprawic`);
    expect((await browser().rate({ guide: other.documentId, helpful: 'tak', language: 'en' }, { asForm: true })).location).toBe(`${cms().siteUrl}/en/opinia/dziekujemy/`);
  });

  it('redirects a browser to the page that names what was wrong', async () => {
    const guide = await createGuide('Poradnik z błędami');
    const cases: [Record<string, string | string[]>, string, number, string | undefined][] = [
      [{ guide: 'zły identyfikator', helpful: 'tak' }, 'invalid_guide', 400, 'guide'],
      [{ guide: guide.documentId, helpful: 'może' }, 'invalid_answer', 400, 'helpful'],
      [{ guide: guide.documentId, helpful: 'nie', reasons: ['out_of_date', 'nudny'] }, 'invalid_reason', 400, 'reasons'],
      [{ guide: guide.documentId, helpful: 'nie', comment: 'x'.repeat(1001) }, 'invalid_comment', 400, 'comment'],
      [{ guide: guide.documentId, helpful: 'nie', comment: 'zły\u0007znak' }, 'invalid_comment', 400, 'comment'],
      [{ guide: guide.documentId, reasons: [], comment: '' }, 'missing_details', 400, 'reasons'],
      [{ guide: 'niematakiegoporadnika0', helpful: 'tak' }, 'unknown_guide', 404, undefined],
    ];
    for (const [fields, result, status, field] of cases) {
      const answer = await browser().rate(fields);
      expect(answer, result).toMatchObject({ status, body: { result, ...(field ? { field } : {}) } });
    }
    const page = await browser().rate({ guide: guide.documentId, helpful: 'może' }, { asForm: true });
    expect(page).toMatchObject({ status: 303, location: `${cms().siteUrl}/opinia/wybierz-odpowiedz/` });
    // A bot that fills the hidden field is thanked, and nothing is counted.
    expect(await browser().rate({ guide: guide.documentId, helpful: 'tak', website: 'https://spam.example' })).toMatchObject({ body: { result: 'thanks' } });
    expect(await ratingOf(guide)).toBeUndefined();
  });

  it('limits answers per client address', async () => {
    const ip = nextIp();
    const results: string[] = [];
    // Each from a new browser, so only the address can stop them.
    for (let i = 0; i < 31; i += 1) results.push((await browser(ip).rate({ guide: 'zły identyfikator' })).body!.result);
    expect(results.slice(0, 30).every((result) => result === 'invalid_guide')).toBe(true);
    expect(results[30]).toBe('rate_limited');
  });

  it('counts every one of 200 simultaneous answers', async () => {
    const guide = await createGuide('Poradnik oblegany');
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => browser().rate({ guide: guide.documentId, helpful: i % 4 === 0 ? 'nie' : 'tak' })));
    expect(answers.filter((answer) => answer.body?.result === 'thanks')).toHaveLength(150);
    expect(answers.filter((answer) => answer.body?.result === 'ask_details')).toHaveLength(50);
    expect(await ratingOf(guide)).toMatchObject({ helpful: 150, notHelpful: 50, votes: 200, share: 0.75 });
    // One row for the day and version, however many answered at once.
    const rows = await call<{ results: unknown[] }>('GET', `/content-manager/collection-types/api::guide-feedback.guide-feedback?filters[guideDocumentId][$eq]=${guide.documentId}`, { auth: 'admin' });
    expect(rows.body.results).toHaveLength(1);
  });

  it('counts answers per version of the guide', async () => {
    const guide = await createGuide('Poradnik poprawiany');
    await browser().rate({ guide: guide.documentId, helpful: 'nie' });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await call('PUT', `/api/guides/${guide.documentId}`, { auth: 'full', body: { data: { summary: 'Poprawione streszczenie.' } } })).status).toBe(200);
    await browser().rate({ guide: guide.documentId, helpful: 'tak' });
    const rating = await ratingOf(guide);
    expect(rating).toMatchObject({ helpful: 1, notHelpful: 1, latestVersion: { helpful: 1, notHelpful: 0 } });
  });

  it('keeps no address, cookie or other trace of the reader', async () => {
    const guide = await createGuide('Poradnik anonimowy');
    const ip = '10.201.202.203';
    const reader = browser(ip);
    await reader.rate({ guide: guide.documentId, helpful: 'nie' });
    await reader.rate({ guide: guide.documentId, reasons: 'hard_to_follow', comment: 'Za długie zdania.' });
    for (const uid of ['api::guide-feedback.guide-feedback', 'api::guide-comment.guide-comment']) {
      const { body } = await call<{ results: Record<string, unknown>[] }>('GET', `/content-manager/collection-types/${uid}?filters[guideDocumentId][$eq]=${guide.documentId}`, { auth: 'admin' });
      expect(body.results.length, uid).toBeGreaterThan(0);
      const stored = JSON.stringify(body.results);
      expect(stored).not.toContain(ip);
      expect(stored).not.toContain('co_oceny');
      for (const row of body.results) expect(Object.keys(row).filter((key) => /ip|cookie|agent|email|name/i.test(key) && key !== 'guideTitle')).toEqual([]);
    }
  });
});

describe('who can read the ratings', () => {
  it('has no REST route that lists, filters or populates ratings or comments', async () => {
    const guide = await createGuide('Poradnik z uwagą');
    await browser().rate({ guide: guide.documentId, helpful: 'nie', comment: 'Uwaga prywatna' });
    for (const path of ['/api/guide-feedbacks', '/api/guide-feedbacks?status=draft', `/api/guide-comments?filters[guideDocumentId][$eq]=${guide.documentId}`, '/api/guide-comments', '/api/guide-feedback']) {
      expect([403, 404, 405], path).toContain((await call('GET', path)).status);
      expect([403, 404, 405], path).toContain((await call('GET', path, { auth: 'full' })).status);
    }
    const populated = await call('GET', `/api/guides/${guide.documentId}?populate=*`);
    expect(JSON.stringify(populated.body)).not.toMatch(/Uwaga prywatna|feedback|comment/i);
    expect((await call('GET', '/admin/co/guide-feedback')).status).toBe(401);
  });

  it('shows editors the guides that need improvement first', async () => {
    const weak = await createGuide('Poradnik słaby');
    const strong = await createGuide('Poradnik mocny');
    for (let i = 0; i < 11; i += 1) await browser().rate({ guide: weak.documentId, helpful: i < 3 ? 'tak' : 'nie' });
    for (let i = 0; i < 10; i += 1) await browser().rate({ guide: strong.documentId, helpful: 'tak' });
    const list = await ratings();
    const weakAt = list.findIndex((rating) => rating.guideDocumentId === weak.documentId);
    const strongAt = list.findIndex((rating) => rating.guideDocumentId === strong.documentId);
    expect(list[weakAt]).toMatchObject({ votes: 11, needsImprovement: true });
    expect(list[strongAt]).toMatchObject({ votes: 10, needsImprovement: false });
    expect(weakAt).toBeLessThan(strongAt);
    // Every guide that needs improvement comes before every one that does not.
    const flags = list.map((rating) => rating.needsImprovement);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
  });
});
