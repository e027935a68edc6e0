import { describe, expect, it } from 'vitest';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { adminToken, call, cms, inDays } from './client.ts';
import { consentVersion, mails, mailTo, nextEmail, nextIp, post, tokenOf } from './signups.ts';
import { VOLUNTEER_WORDS_UK } from '../../cms/src/volunteering/mail-words-uk.ts';
import { VOLUNTEER_WORDS_EN } from '../../cms/src/volunteering/mail-words-en.ts';
import { applicationForm, applicationsOf, apply, createOffer, deleteCreatedOffers, linkIn, postLink, recruitment } from './volunteering.ts';

// Volunteering applications against the real CMS and SMTP catcher: the form, the applicant's and
// the organisation's mailed links, recruitment limits, concurrency, what the public can read, and
// the timed work on a chosen clock.

deleteCreatedOffers();

/** Applies and confirms by the mailed link; returns the applicant's address and the organisation's mail. */
async function confirmedApplication(offer: { documentId: string; contactEmail: string }, fields: Record<string, string> = {}) {
  const data = await applicationForm(offer.documentId, fields);
  expect((await apply(data)).body.result).toBe('check_email');
  const mail = await mailTo(data.email!, /^Potwierdź zgłoszenie do wolontariatu/);
  const confirmed = await postLink('confirm', { token: tokenOf(linkIn(mail, 'confirm')) });
  // The organisation's mail about this application is the one a reply to reaches this applicant.
  const deadline = Date.now() + 15_000;
  for (;;) {
    const organizationMail = (await mails()).find((m) => m.to.includes(offer.contactEmail) && m.replyTo.includes(data.email!));
    if (organizationMail) return { email: data.email!, result: confirmed.body.result, organizationMail };
    if (Date.now() > deadline) throw new Error(`No mail about ${data.email} reached ${offer.contactEmail}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('applying to a volunteering offer', () => {
  it('answers an application from the Ukrainian page in Ukrainian: its answer pages, the mails and link pages, the offer by its Ukrainian title', async () => {
    const offer = await createOffer();
    // The editor translates the offer.
    const translated = await call('PUT', `/api/volunteer-offers/${offer.documentId}?locale=uk`, { auth: 'full', body: { data: { title: 'Допомога з уроками', summary: 'Двічі на тиждень.', description: 'Опис українською.' } } });
    expect(translated.status, JSON.stringify(translated.body)).toBe(200);
    const data = await applicationForm(offer.documentId, { name: 'Олена Коваленко', language: 'uk' });
    const sent = await post('/api/volunteer-applications', data, { asForm: true });
    expect(sent.status).toBe(303);
    expect(new URL(sent.headers.get('location')!).pathname).toBe('/uk/zgloszenia/sprawdz-poczte/');

    const confirmMail = await mailTo(data.email!, /./);
    expect(confirmMail.subject).toBe(VOLUNTEER_WORDS_UK.subjects.confirm_application('Допомога з уроками'));
    expect(confirmMail.text).toContain('Олена Коваленко');
    const page = await (await fetch(linkIn(confirmMail, 'confirm'))).text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain(VOLUNTEER_WORDS_UK.linkPages.confirm.button);
    // The link page's button posts the language too, so its answer page is Ukrainian.
    const confirmed = await post('/api/volunteer-applications/confirm', { token: tokenOf(linkIn(confirmMail, 'confirm')), language: 'uk' }, { asForm: true });
    expect(new URL(confirmed.headers.get('location')!).pathname).toBe('/uk/zgloszenia/zgloszenie-wyslane/');

    // The organisation reads Polish, and learns which language the applicant wrote in.
    const toOrganization = await mailTo(offer.contactEmail, /^Nowe zgłoszenie do wolontariatu/);
    expect(toOrganization.text).toContain('Język formularza: ukraiński');
    const told = await mailTo(data.email!, /^Заявку надіслано/);
    expect(told.subject).toBe(VOLUNTEER_WORDS_UK.subjects.submitted('Допомога з уроками'));
    expect(told.text).not.toMatch(/Dzień dobry|Wycofaj/);
    expect(told.text).toContain(VOLUNTEER_WORDS_UK.withdraw.label);
  });

  it('runs the whole journey: form, confirmation, the organisation’s mail, acceptance through its link, the applicant told', async () => {
    const offer = await createOffer();
    const data = await applicationForm(offer.documentId, { phone: '600 100 200' });
    expect(await apply(data)).toEqual({ status: 202, body: expect.objectContaining({ result: 'check_email' }) });
    const confirmMail = await mailTo(data.email!, /^Potwierdź zgłoszenie do wolontariatu/);

    // Opening the link (as a mail scanner would) shows a button and changes nothing.
    const page = await fetch(linkIn(confirmMail, 'confirm'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Potwierdzam zgłoszenie');
    expect((await applicationsOf(offer.documentId)).map((a) => a.state)).toEqual(['awaiting_confirmation']);

    expect((await postLink('confirm', { token: tokenOf(linkIn(confirmMail, 'confirm')) })).body.result).toBe('submitted');
    const toOrganization = await mailTo(offer.contactEmail, /^Nowe zgłoszenie do wolontariatu/);
    expect(toOrganization.replyTo).toEqual([data.email]);
    expect(toOrganization.text).toContain('Telefon: 600 100 200');
    expect(toOrganization.text).toContain('Kiedy może pomagać: wtorki i czwartki po 16:00');
    const told = await mailTo(data.email!, /^Zgłoszenie wysłane/);
    expect(told.text).toContain('Odpowie Ci: Maria Testowa');
    expect(told.text).not.toContain(offer.contactEmail);

    const answerLink = linkIn(toOrganization, 'answer');
    const answerPage = await fetch(answerLink);
    const html = await answerPage.text();
    expect(html).toContain('Przyjmuję zgłoszenie');
    expect(html).toContain('Mamy już komplet wolontariuszy');
    expect((await applicationsOf(offer.documentId)).map((a) => a.state)).toEqual(['submitted']);
    // The applicant's own link cannot answer for the organisation.
    expect((await postLink('answer', { token: tokenOf(linkIn(confirmMail, 'confirm')), decision: 'accept' })).body.result).toBe('unknown_link');

    expect((await postLink('answer', { token: tokenOf(answerLink), decision: 'accept', note: 'Zapraszamy w poniedziałek o 17:00.' })).body.result).toBe('accepted');
    const accepted = await mailTo(data.email!, /^Organizacja przyjęła Twoje zgłoszenie/);
    expect(accepted.text).toContain(`E-mail: ${offer.contactEmail}`);
    expect(accepted.text).toContain('Zapraszamy w poniedziałek o 17:00.');
    expect((await applicationsOf(offer.documentId))[0]).toMatchObject({ state: 'accepted', answeredAt: expect.any(String) });

    // A second click changes nothing, and the link page says so.
    expect((await postLink('answer', { token: tokenOf(answerLink), decision: 'decline', reason: 'places_filled' })).body.result).toBe('already_answered');
    const again = await fetch(answerLink, { redirect: 'manual', headers: { Accept: 'application/json' } });
    expect(((await again.json()) as { result: string }).result).toBe('already_answered');
    expect((await recruitment()).data.find((entry) => entry.offer === offer.documentId)).toEqual({ offer: offer.documentId, state: 'open', accepted: 1, wanted: 3 });
  });

  it('redirects a browser form to the result page on the site', async () => {
    const offer = await createOffer();
    const response = await post('/api/volunteer-applications', await applicationForm(offer.documentId), { asForm: true });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${cms().siteUrl}/zgloszenia/sprawdz-poczte/`);
    const wrong = await post('/api/volunteer-applications', await applicationForm(offer.documentId, { email: 'jan@gmail' }), { asForm: true });
    expect(wrong.headers.get('location')).toBe(`${cms().siteUrl}/zgloszenia/popraw-e-mail/`);
  });

  it('declines with a stock reason, and needs words of its own for "other"', async () => {
    const offer = await createOffer();
    const { email, organizationMail } = await confirmedApplication(offer);
    const token = tokenOf(linkIn(organizationMail, 'answer'));
    expect(await postLink('answer', { token, decision: 'decline', reason: 'other' })).toMatchObject({ status: 400, body: { result: 'invalid_reason', field: 'reason' } });
    expect((await postLink('answer', { token, decision: 'decline', reason: 'profile_mismatch', note: 'Szukamy kogoś na przedpołudnia.' })).body.result).toBe('declined');
    const declined = await mailTo(email, /^Odpowiedź na zgłoszenie/);
    expect(declined.text).toContain('organizacja szuka do tej oferty osoby o innym doświadczeniu lub dostępności.');
    expect(declined.text).toContain('Szukamy kogoś na przedpołudnia.');
    expect(declined.text).not.toContain(offer.contactEmail);
    expect((await applicationsOf(offer.documentId))[0]).toMatchObject({ state: 'declined', declineReason: 'profile_mismatch' });
  });

  it('names the field of every bad input and stores nothing', async () => {
    const offer = await createOffer();
    const cases: [Record<string, string>, string, string][] = [
      [{ offer: '../../admin' }, 'invalid_offer', 'offer'],
      [{ name: 'A' }, 'invalid_name', 'name'],
      [{ email: 'a@b' }, 'invalid_email', 'email'],
      [{ email: '"x"@example.org' }, 'invalid_email', 'email'],
      [{ phone: 'zadzwoń' }, 'invalid_phone', 'phone'],
      [{ availability: '' }, 'invalid_availability', 'availability'],
      [{ message: 'x'.repeat(1501) }, 'invalid_message', 'message'],
      [{ age: '15' }, 'invalid_age', 'age'],
      [{ consent: '' }, 'missing_consent', 'consent'],
      [{ consentVersion: '2025-01' }, 'invalid_consent_version', 'consentVersion'],
    ];
    for (const [fields, result, field] of cases) expect(await apply(await applicationForm(offer.documentId, fields)), result).toMatchObject({ status: 400, body: { result, field } });
    expect(await applicationsOf(offer.documentId)).toEqual([]);
  });

  it('refuses offers that are gone, unpublished, ended or for adults only when a minor applies', async () => {
    const adultsOnly = await createOffer({ minimumAge: 18 });
    expect(await apply(await applicationForm(adultsOnly.documentId, { age: 'minor' }))).toMatchObject({ status: 409, body: { result: 'too_young' } });
    expect((await apply(await applicationForm(adultsOnly.documentId, { age: 'adult' }))).body.result).toBe('check_email');

    const ended = await createOffer({ startsOn: inDays(-5).slice(0, 10), endsOn: inDays(-3).slice(0, 10) });
    expect(await apply(await applicationForm(ended.documentId))).toMatchObject({ status: 409, body: { result: 'recruitment_closed' } });

    const draft = await call<{ data: { documentId: string } }>('POST', '/api/volunteer-offers?status=draft', {
      auth: 'full',
      body: { data: { title: 'Szkic oferty', organization: (await call<{ data: { organization: { documentId: string } } }>('GET', `/api/volunteer-offers/${adultsOnly.documentId}?populate=organization`)).body.data.organization.documentId, summary: 'Szkic.', description: 'Szkic.', district: 'krowodrza', remote: 'full', commitment: 'one_off', startsOn: inDays(9).slice(0, 10), volunteersWanted: 1, minimumAge: 18, usesPolish: true, offersInsurance: true, contactEmail: nextEmail('szkic') } },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(await apply(await applicationForm(draft.body.data.documentId))).toMatchObject({ status: 404, body: { result: 'unknown_offer' } });
    await call('DELETE', `/api/volunteer-offers/${draft.body.data.documentId}`, { auth: 'full' });
  });

  it('sends the link again to a repeat application instead of storing a second one', async () => {
    const offer = await createOffer();
    const data = await applicationForm(offer.documentId);
    expect((await apply(data)).body.result).toBe('check_email');
    expect((await apply({ ...data, email: data.email!.toUpperCase() })).body.result).toBe('repeat');
    expect((await applicationsOf(offer.documentId)).length).toBe(1);
    expect((await mails()).filter((mail) => mail.to.includes(data.email!) && /^Potwierdź zgłoszenie/.test(mail.subject)).length).toBe(2);
  });

  it('closes a full offer, or keeps a reserve, as the organisation chose', async () => {
    const closing = await createOffer({ volunteersWanted: 1, whenFilled: 'close' });
    const first = await confirmedApplication(closing);
    expect((await postLink('answer', { token: tokenOf(linkIn(first.organizationMail, 'answer')), decision: 'accept' })).body.result).toBe('accepted');
    expect((await apply(await applicationForm(closing.documentId))).body.result).toBe('recruitment_closed');

    const keeping = await createOffer({ volunteersWanted: 1, whenFilled: 'reserve' });
    const accepted = await confirmedApplication(keeping);
    await postLink('answer', { token: tokenOf(linkIn(accepted.organizationMail, 'answer')), decision: 'accept' });
    const reserve = await confirmedApplication(keeping);
    expect(reserve.result).toBe('reserve');
    expect(reserve.organizationMail.subject).toMatch(/^Zgłoszenie rezerwowe/);
    expect((await applicationsOf(keeping.documentId)).map((a) => [a.state, a.reserve])).toEqual([['accepted', false], ['submitted', true]]);

    const states = Object.fromEntries((await recruitment()).data.map((entry) => [entry.offer, entry.state]));
    expect([states[closing.documentId], states[keeping.documentId]]).toEqual(['closed', 'reserve']);
  });

  it('lets the applicant withdraw, telling the organisation once it knew, and frees the place', async () => {
    const offer = await createOffer({ volunteersWanted: 1, whenFilled: 'close' });
    const { email, organizationMail } = await confirmedApplication(offer);
    await postLink('answer', { token: tokenOf(linkIn(organizationMail, 'answer')), decision: 'accept' });
    const accepted = await mailTo(email, /^Organizacja przyjęła/);
    const withdraw = linkIn(accepted, 'withdraw');
    expect(await (await fetch(withdraw)).text()).toContain('Wycofuję zgłoszenie');
    expect((await applicationsOf(offer.documentId))[0]!.state).toBe('accepted');
    expect((await postLink('withdraw', { token: tokenOf(withdraw) })).body.result).toBe('withdrawn');
    await mailTo(offer.contactEmail, /^Zgłoszenie wycofane/);
    expect((await postLink('withdraw', { token: tokenOf(withdraw) })).body.result).toBe('withdrawn');
    expect((await recruitment()).data.find((entry) => entry.offer === offer.documentId)?.state).toBe('open');
  });

  it('stores each of 100 applications sent at once exactly once, and one of five repeats', async () => {
    const offer = await createOffer({ volunteersWanted: 200 });
    const forms = await Promise.all(Array.from({ length: 100 }, () => applicationForm(offer.documentId)));
    const answers = await Promise.all(forms.map((data) => apply(data)));
    expect(answers.filter((answer) => answer.body.result === 'check_email').length).toBe(100);
    const stored = await applicationsOf(offer.documentId);
    expect(stored.length).toBe(100);
    expect(new Set(stored.map((a) => a.email)).size).toBe(100);

    const same = await applicationForm(offer.documentId);
    const repeats = await Promise.all(Array.from({ length: 5 }, () => apply(same)));
    expect(repeats.map((answer) => answer.body.result).sort()).toEqual(['check_email', 'repeat', 'repeat', 'repeat', 'repeat']);
    expect((await applicationsOf(offer.documentId)).filter((a) => a.email === same.email).length).toBe(1);
  });

  it('rate-limits one client', async () => {
    const offer = await createOffer();
    const ip = nextIp();
    const results: string[] = [];
    for (let i = 0; i < 11; i += 1) results.push((await apply(await applicationForm(offer.documentId), ip)).body.result);
    expect(results.slice(0, 10).every((result) => result === 'check_email')).toBe(true);
    expect(results[10]).toBe('rate_limited');
  });
});

describe('the editors’ view', () => {
  it('counts an offer’s applications by state and exports them as CSV for editors only', async () => {
    const offer = await createOffer();
    const { organizationMail } = await confirmedApplication(offer, { name: '=HYPERLINK("x")', message: 'Mam doświadczenie z dziećmi.' });
    await postLink('answer', { token: tokenOf(linkIn(organizationMail, 'answer')), decision: 'decline', reason: 'places_filled' });
    await apply(await applicationForm(offer.documentId));
    const admin = { headers: { Authorization: `Bearer ${await adminToken()}` } };

    const summary = await fetch(`${cms().url}/admin/co/volunteer-applications/summary?offer=${offer.documentId}`, admin);
    expect(((await summary.json()) as { data: unknown }).data).toMatchObject({ total: 2, counts: { declined: 1, awaiting_confirmation: 1, accepted: 0 }, waitingOverWeek: 0 });

    const csv = await fetch(`${cms().url}/admin/co/volunteer-applications.csv?offer=${offer.documentId}`, admin);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')[0]).toBe('Oferta,Stan,Rezerwowe,Imię i nazwisko,E-mail,Telefon,Wiek,Kiedy może pomagać,Kilka słów o sobie,Powód odmowy,Wiadomość organizacji,Zgłoszono,Potwierdzono,Odpowiedź,Dane usunięte');
    expect(text).toContain('odrzucone');
    expect(text).toContain('Mamy już komplet wolontariuszy');
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain('Mam doświadczenie z dziećmi.');

    expect((await fetch(`${cms().url}/admin/co/volunteer-applications.csv?offer=${offer.documentId}`)).status).toBe(401);
    expect((await fetch(`${cms().url}/admin/co/volunteer-applications.csv?offer=${offer.documentId}`, { headers: { Authorization: `Bearer ${cms().fullToken}` } })).status).toBe(401);
    expect((await fetch(`${cms().url}/admin/co/volunteer-applications.csv?offer=../x`, admin)).status).toBe(400);
  });
});

describe('what the public can read', () => {
  it('has no REST route that lists, filters or populates applications, and offers hide their contact address', async () => {
    const offer = await createOffer();
    await confirmedApplication(offer, { name: 'Tajna Osoba' });
    const [stored] = await applicationsOf(offer.documentId);
    for (const path of ['/api/volunteer-applications', '/api/volunteer-applications?status=draft', `/api/volunteer-applications?filters[offerDocumentId][$eq]=${offer.documentId}`, `/api/volunteer-applications/${stored!.documentId}`]) {
      const response = await call('GET', path);
      expect([403, 404, 405], path).toContain(response.status);
      expect(JSON.stringify(response.body), path).not.toContain('Tajna');
    }
    for (const path of [`/api/volunteer-offers/${offer.documentId}?populate=*`, '/api/volunteer-offers?populate=*&status=draft', '/api/organizations?populate[volunteerOffers][populate]=*', `/api/volunteer-offers?filters[contactEmail][$eq]=${offer.contactEmail}`]) {
      const response = await call('GET', path);
      const body = JSON.stringify(response.body);
      expect(body, path).not.toContain(offer.contactEmail);
      expect(body, path).not.toContain('Tajna');
    }
    // Filtering by a private field must not reveal it either: the filter is dropped or refused.
    const filtered = await call<{ data?: unknown[] }>('GET', `/api/volunteer-offers?filters[contactEmail][$eq]=${offer.contactEmail}`);
    expect(filtered.status === 400 || (filtered.body.data ?? []).length !== 1).toBe(true);
    const summary = JSON.stringify(await recruitment());
    expect(summary).not.toContain('Tajna');
    expect(summary).not.toContain('@');
  });
});

describe('timed work', () => {
  const tick = async (now: Date) =>
    JSON.parse((await runCmsScript('registrations-tick', ['--now', now.toISOString()], { env: cms().env, capture: true })).trim().split('\n').at(-1)!) as Record<string, number>;

  it('expires unconfirmed applications and reminds the organisation weekly, on a controlled clock', async () => {
    const offer = await createOffer({ commitment: 'regular', schedule: 'środy 17:00', hours: 2, hoursPer: 'week', startsOn: null, offersAgreement: true, offersInsurance: false });
    const unconfirmed = await applicationForm(offer.documentId);
    await apply(unconfirmed);
    const { email } = await confirmedApplication(offer);

    expect((await tick(new Date(Date.now() + 49 * 3_600_000))).applicationsExpired).toBeGreaterThanOrEqual(1);
    const after = await applicationsOf(offer.documentId);
    expect(after.find((a) => a.state === 'expired')).toMatchObject({ name: null, email: null, erasedAt: expect.any(String) });
    expect(after.find((a) => a.email === email)?.state).toBe('submitted');

    const weekLater = new Date(Date.now() + 8 * 86_400_000);
    expect((await tick(weekLater)).organizationsReminded).toBeGreaterThanOrEqual(1);
    const reminder = await mailTo(offer.contactEmail, /^Czekają na odpowiedź: 1 zgłoszenie/);
    expect(reminder.text).toContain('/api/volunteer-applications/answer?token=');
    await tick(new Date(weekLater.getTime() + 3_600_000));
    expect((await mails()).filter((mail) => mail.to.includes(offer.contactEmail) && /^Czekają na odpowiedź/.test(mail.subject)).length).toBe(1);
  });

  it('tells the organisation a week before its offer lapses, once', async () => {
    const offer = await createOffer({ startsOn: inDays(12).slice(0, 10), applicationDeadline: inDays(5).slice(0, 10) });
    await tick(new Date());
    await mailTo(offer.contactEmail, /^Oferta wolontariatu wkrótce wygaśnie/);
    await tick(new Date(Date.now() + 3_600_000));
    expect((await mails()).filter((mail) => mail.to.includes(offer.contactEmail) && /wkrótce wygaśnie/.test(mail.subject)).length).toBe(1);
  });

  it('erases applicants’ data six months after the offer ends and keeps the counts', async () => {
    const endsOn = inDays(12).slice(0, 10);
    const offer = await createOffer({ startsOn: inDays(11).slice(0, 10), endsOn });
    const { organizationMail } = await confirmedApplication(offer);
    await postLink('answer', { token: tokenOf(linkIn(organizationMail, 'answer')), decision: 'accept' });

    await tick(new Date(Date.parse(`${endsOn}T12:00:00Z`) + 150 * 86_400_000));
    expect((await applicationsOf(offer.documentId))[0]!.erasedAt).toBeNull();
    await tick(new Date(Date.parse(`${endsOn}T12:00:00Z`) + 190 * 86_400_000));
    const [erased] = await applicationsOf(offer.documentId);
    expect(erased).toMatchObject({ state: 'accepted', name: null, email: null, answerNote: null, erasedAt: expect.any(String), offerTitle: expect.stringContaining('Oferta testowa') });
  });
});

describe('"Zgłoś gotowość": new matching offers by mail', () => {
  const tick = async (now: Date) =>
    JSON.parse((await runCmsScript('registrations-tick', ['--now', now.toISOString()], { env: cms().env, capture: true })).trim().split('\n').at(-1)!) as Record<string, number>;
  const subscribe = async (fields: Record<string, string | string[]>) => {
    const response = await post('/api/volunteer-interests', { name: 'Ola', email: nextEmail('gotowosc'), district: 'krowodrza', commitment: 'any', age: 'adult', consent: 'tak', consentVersion: await consentVersion('volunteer-interest'), website: '', ...fields });
    return { status: response.status, body: (await response.json()) as { result: string; field?: string } };
  };
  const interestLink = (mail: { links: string[] }, action: 'confirm' | 'unsubscribe') => mail.links.find((url) => url.includes(`/api/volunteer-interests/${action}?token=`))!;

  it('confirms by mail, sends new matching offers weekly with a one-click unsubscribe, and erases the address on leaving', async () => {
    const email = nextEmail('gotowosc');
    expect((await subscribe({ email, areas: ['edukacja', 'kultura'] })).body.result).toBe('check_email');
    const confirmMail = await mailTo(email, /^Potwierdź: nowe oferty wolontariatu/);
    expect(await (await fetch(interestLink(confirmMail, 'confirm'))).text()).toContain('Potwierdzam');
    expect((await post('/api/volunteer-interests/confirm', { token: tokenOf(interestLink(confirmMail, 'confirm')) }).then((r) => r.json())) as { result: string }).toMatchObject({ result: 'active' });
    expect((await subscribe({ email })).body.result).toBe('repeat');

    const areaIds = Object.fromEntries((await call<{ data: { documentId: string; slug: string }[] }>('GET', '/api/areas?pagination[pageSize]=100')).body.data.map((area) => [area.slug, area.documentId]));
    const matching = await createOffer({ title: `Pasująca oferta ${Date.now().toString(36)}`, areas: [areaIds['edukacja']] });
    const elsewhere = await createOffer({ title: `Oferta z innej dzielnicy ${Date.now().toString(36)}`, areas: [areaIds['edukacja']], district: 'nowa_huta' });
    const otherArea = await createOffer({ title: `Oferta sportowa ${Date.now().toString(36)}`, areas: [areaIds['sport-i-rekreacja']] });

    const nextWeek = new Date(Date.now() + 8 * 86_400_000);
    expect((await tick(nextWeek)).digestsSent).toBeGreaterThanOrEqual(1);
    const digest = await mailTo(email, /^Nowa oferta wolontariatu: Pasująca oferta/);
    expect(digest.text).toContain(`/wolontariat/${matching.slug}/`);
    expect(digest.text).not.toContain(elsewhere.slug);
    expect(digest.text).not.toContain(otherArea.slug);
    const unsubscribe = interestLink(digest, 'unsubscribe');
    expect(digest.listHeaders['list-unsubscribe']).toBe(`<${unsubscribe}>`);
    expect(digest.listHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // The same week again, and the week after with nothing new: no second mail.
    await tick(new Date(nextWeek.getTime() + 3_600_000));
    await tick(new Date(nextWeek.getTime() + 8 * 86_400_000));
    expect((await mails()).filter((mail) => mail.to.includes(email) && /^Nowa oferta/.test(mail.subject)).length).toBe(1);

    // Opening the link changes nothing; the mail program's one-click POST unsubscribes, without a login.
    expect(await (await fetch(unsubscribe)).text()).toContain('Wypisz mnie');
    const oneClick = await fetch(unsubscribe, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', 'X-Forwarded-For': nextIp() }, body: 'List-Unsubscribe=One-Click' });
    expect(((await oneClick.json()) as { result: string }).result).toBe('unsubscribed');
    const stored = await call<{ results: { state: string; email: string | null; erasedAt: string | null; digestsSent: number }[] }>('GET', `/content-manager/collection-types/api::volunteer-interest.volunteer-interest?filters[unsubscribedAt][$notNull]=true&sort=id:desc&pageSize=1`, { auth: 'admin' });
    expect(stored.body.results[0]).toMatchObject({ state: 'unsubscribed', email: null, erasedAt: expect.any(String), digestsSent: 1 });
    await createOffer({ title: `Jeszcze jedna pasująca ${Date.now().toString(36)}`, areas: [areaIds['edukacja']] });
    await tick(new Date(nextWeek.getTime() + 16 * 86_400_000));
    expect((await mails()).filter((mail) => mail.to.includes(email) && /^Nowa oferta/.test(mail.subject)).length).toBe(1);
  });

  it('serves a subscriber from the Ukrainian page in Ukrainian: answers, mails, link pages, and each new offer by its Ukrainian title and page, or in Polish and so said', async () => {
    const email = nextEmail('gotowosc-uk');
    const fields = { name: 'Олена', email, district: 'krowodrza', commitment: 'any', age: 'adult', consent: 'tak', consentVersion: await consentVersion('volunteer-interest'), website: '', areas: ['edukacja'], language: 'uk' };
    const sent = await post('/api/volunteer-interests', fields, { asForm: true });
    expect(sent.status).toBe(303);
    expect(new URL(sent.headers.get('location')!).pathname).toBe('/uk/wolontariat/gotowosc/sprawdz-poczte/');
    const stored = await call<{ results: { language: string }[] }>('GET', `/content-manager/collection-types/api::volunteer-interest.volunteer-interest?sort=id:desc&pageSize=1`, { auth: 'admin' });
    expect(stored.body.results[0]).toMatchObject({ language: 'uk' });

    const confirmMail = await mailTo(email, /./);
    expect(confirmMail.subject).toBe(VOLUNTEER_WORDS_UK.interest.confirmSubject);
    // Sent again from the English page before confirming: the link comes again, in English, and so will the weekly mail…
    expect((await post('/api/volunteer-interests', { ...fields, language: 'en' }, { asForm: true })).status).toBe(303);
    expect((await mailTo(email, /^Please confirm/)).subject).toBe(VOLUNTEER_WORDS_EN.interest.confirmSubject);
    // …until it is sent from the Ukrainian page once more.
    expect((await post('/api/volunteer-interests', fields, { asForm: true })).status).toBe(303);
    expect((await mails()).filter((mail) => mail.to.includes(email) && mail.subject === VOLUNTEER_WORDS_UK.interest.confirmSubject)).toHaveLength(2);
    expect(confirmMail.text).toContain('Олена');
    const page = await (await fetch(interestLink(confirmMail, 'confirm'))).text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain(VOLUNTEER_WORDS_UK.interest.linkPages.confirm.button);
    const confirmed = await post('/api/volunteer-interests/confirm', { token: tokenOf(interestLink(confirmMail, 'confirm')), language: 'uk' }, { asForm: true });
    expect(new URL(confirmed.headers.get('location')!).pathname).toBe('/uk/wolontariat/gotowosc/zapisano/');

    const areaIds = Object.fromEntries((await call<{ data: { documentId: string; slug: string }[] }>('GET', '/api/areas?pagination[pageSize]=100')).body.data.map((area) => [area.slug, area.documentId]));
    const translated = await createOffer({ title: `Korepetycje ${Date.now().toString(36)}`, areas: [areaIds['edukacja']] });
    const ukrainian = await call<{ data: { slug: string } }>('PUT', `/api/volunteer-offers/${translated.documentId}?locale=uk`, { auth: 'full', body: { data: { title: 'Допомога з уроками для дітей', summary: 'Двічі на тиждень після школи.', description: 'Опис українською.' } } });
    expect(ukrainian.status, JSON.stringify(ukrainian.body)).toBe(200);
    const polishTitle = `Zajęcia w świetlicy ${Date.now().toString(36)}`;
    const polishOnly = await createOffer({ title: polishTitle, areas: [areaIds['edukacja']] });

    await tick(new Date(Date.now() + 8 * 86_400_000));
    const digest = await mailTo(email, /^Нові волонтерські пропозиції/);
    expect(digest.subject).toBe(VOLUNTEER_WORDS_UK.interest.digestSubjectMany(2));
    expect(digest.text).toContain('Допомога з уроками для дітей');
    expect(digest.text).toContain(`/uk/wolontariat/${ukrainian.body.data.slug}/`);
    expect(digest.text).toMatch(new RegExp(`${polishTitle}[^\\n]*– ${VOLUNTEER_WORDS_UK.interest.inPolish}`));
    expect(digest.text).toContain(`/wolontariat/${polishOnly.slug}/`);
    expect(digest.text).not.toMatch(/Dzień dobry|Wypisz mnie/);
    expect(await (await fetch(interestLink(digest, 'unsubscribe'))).text()).toContain(VOLUNTEER_WORDS_UK.interest.linkPages.unsubscribe.button);
  });

  it('names the field of every bad input, including an area that does not exist', async () => {
    expect(await subscribe({ email: 'a@b' })).toMatchObject({ status: 400, body: { result: 'invalid_email', field: 'email' } });
    expect(await subscribe({ areas: ['nie-ma-takiego-obszaru'] })).toMatchObject({ status: 400, body: { result: 'invalid_areas', field: 'areas' } });
    expect(await subscribe({ district: 'mars' })).toMatchObject({ status: 400, body: { result: 'invalid_district', field: 'district' } });
    expect(await subscribe({ consent: '' })).toMatchObject({ status: 400, body: { result: 'missing_consent', field: 'consent' } });
    for (const path of ['/api/volunteer-interests', '/api/volunteer-interests?populate=*']) expect([403, 404, 405], path).toContain((await call('GET', path)).status);
  });
});
