import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { adminToken, call, cms, expectRejected, inDays, type StrapiErrorBody } from './client.ts';
import { consentVersion, createEvent, deleteCreatedEvents, krakowDate, linkIn, mails, mailTo, nextEmail, nextIp, post, registrationsOf, seats, signUp, tokenOf, type Registration, type SignUpAnswer } from './signups.ts';

deleteCreatedEvents();

describe('signing up for an event', () => {
  it('runs the whole journey: sign up, confirm by mail, cancel, and the waiting list moves up', async () => {
    const event = await createEvent({ capacity: 1, waitlist: true });
    const date = krakowDate(inDays(10, 9));
    const anna = nextEmail('anna');
    const piotr = nextEmail('piotr');

    expect(await signUp(event.documentId, date, { email: anna })).toMatchObject({ status: 202, body: { result: 'check_email' } });
    const request = await mailTo(anna, /^Potwierdź zapis/);
    expect(request.text).toContain('Szkolenie z zapisami');
    expect((await seats(event.documentId))[0]!.seatsLeft).toBe(0);

    // Opening the link (as a mail scanner would) shows a button and changes nothing.
    const page = await fetch(linkIn(request, 'confirm'));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post">');
    expect(html).toContain(`value="${tokenOf(linkIn(request, 'confirm'))}"`);
    expect((await registrationsOf(event.documentId)).map((r) => r.state)).toEqual(['awaiting_confirmation']);

    const confirmed = await post('/api/signups/confirm', { token: tokenOf(linkIn(request, 'confirm')) });
    expect(await confirmed.json()).toMatchObject({ result: 'confirmed' });
    const welcome = await mailTo(anna, /^Zapis potwierdzony/);
    expect(welcome.text).toContain(`${cms().siteUrl}/wydarzenia/${event.slug}/`);
    const ics = welcome.attachments.find((file) => file.filename.endsWith('.ics'));
    expect(ics?.contentType).toMatch(/^text\/calendar/);
    const calendar = ICAL.Component.fromString(Buffer.from(ics!.content, 'base64').toString('utf8'));
    const entries = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(entries.map((entry) => [entry.summary, entry.startDate.toJSDate().toISOString(), entry.uid])).toEqual([
      [expect.stringContaining('Szkolenie z zapisami'), new Date(inDays(10, 9)).toISOString(), `${event.documentId}-${date}@localhost:4321`],
    ]);

    expect(await signUp(event.documentId, date, { email: piotr })).toMatchObject({ status: 202, body: { result: 'check_email' } });
    const piotrRequest = await mailTo(piotr, /^Potwierdź zapis/);
    expect(await (await post('/api/signups/confirm', { token: tokenOf(linkIn(piotrRequest, 'confirm')) })).json()).toMatchObject({ result: 'waitlisted' });
    const waiting = await mailTo(piotr, /^Lista rezerwowa/);
    expect((await registrationsOf(event.documentId)).map((r) => [r.email, r.state, r.holdsSeat])).toEqual([
      [anna, 'confirmed', true],
      [piotr, 'waitlisted', false],
    ]);

    // Anna cancels with the link from her confirmation; Piotr gets her seat at once, and a mail.
    const cancelLink = linkIn(welcome, 'cancel');
    expect((await fetch(cancelLink)).status).toBe(200);
    expect((await registrationsOf(event.documentId)).map((r) => r.state)).toEqual(['confirmed', 'waitlisted']);
    expect(await (await post('/api/signups/cancel', { token: tokenOf(cancelLink) })).json()).toMatchObject({ result: 'cancelled' });
    await mailTo(anna, /^Rezygnacja przyjęta/);
    const movedUp = await mailTo(piotr, /^Zwolniło się miejsce/);
    // Every mail about one sign-up carries the same working link.
    expect(linkIn(movedUp, 'cancel')).toBe(linkIn(waiting, 'cancel'));
    expect((await registrationsOf(event.documentId)).map((r) => [r.email, r.state, r.holdsSeat])).toEqual([
      [anna, 'cancelled', false],
      [piotr, 'confirmed', true],
    ]);

    // The same links again: nothing changes, and the answer says why.
    expect(await (await post('/api/signups/cancel', { token: tokenOf(cancelLink) })).json()).toMatchObject({ result: 'not_cancellable' });
    expect(await (await post('/api/signups/confirm', { token: tokenOf(linkIn(piotrRequest, 'confirm')) })).json()).toMatchObject({ result: 'confirmed' });
  });

  it('redirects a browser form to the result page on the site', async () => {
    const event = await createEvent();
    const response = await post('/api/signups', { event: event.documentId, date: krakowDate(inDays(10, 9)), name: 'Jan Kowalski', email: nextEmail(), consent: 'tak', consentVersion: await consentVersion('registration') }, { asForm: true });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${cms().siteUrl}/zapisy/sprawdz-poczte/`);

    const wrong = await post('/api/signups', { event: event.documentId, date: krakowDate(inDays(10, 9)), name: 'Jan Kowalski', email: 'jan@@example.org', consent: 'tak', consentVersion: await consentVersion('registration') }, { asForm: true });
    expect(wrong.headers.get('location')).toBe(`${cms().siteUrl}/zapisy/popraw-e-mail/`);
  });

  it('keeps one sign-up per e-mail and date, and sends the link again instead of a duplicate', async () => {
    const event = await createEvent({ capacity: 5 });
    const date = krakowDate(inDays(10, 9));
    const email = nextEmail('powtorka');
    expect((await signUp(event.documentId, date, { email })).body.result).toBe('check_email');
    const repeat = await signUp(event.documentId, date, { email: email.toUpperCase() });
    expect(repeat).toMatchObject({ status: 200, body: { result: 'repeat' } });
    expect(await registrationsOf(event.documentId)).toHaveLength(1);
    const sent = (await mails()).filter((mail) => mail.to.includes(email));
    expect(sent).toHaveLength(2);
    expect(linkIn(sent[1]!, 'confirm')).toBe(linkIn(sent[0]!, 'confirm'));
  });

  it('books consulting slots one person each, and names the slot in the mail', async () => {
    const event = await createEvent({ type: 'consulting', capacity: null, slotMinutes: 30, slotCapacity: 1, startsAt: inDays(12, 14), endsAt: inDays(12, 15) });
    const date = krakowDate(inDays(12, 14));
    const slots = (await seats(event.documentId)).map((unit) => unit.slot);
    expect(slots).toHaveLength(2);
    const first = slots[0]!.slice(0, 5);
    const email = nextEmail('slot');
    expect((await signUp(event.documentId, date, { slot: first, email })).body.result).toBe('check_email');
    expect((await mailTo(email, /^Potwierdź zapis/)).text).toContain(`godz. ${slots[0]}`);
    expect((await signUp(event.documentId, date, { slot: first })).body.result).toBe('full');
    expect((await signUp(event.documentId, date)).body.result).toBe('no_such_slot');
    expect((await seats(event.documentId)).map((unit) => unit.seatsLeft)).toEqual([0, 1]);
  });
});

describe('the rules of signing up', () => {
  it('refuses before opening, after the deadline, on a past or cancelled date, and where sign-ups are elsewhere', async () => {
    const notYet = await createEvent({ registrationOpensAt: inDays(5, 8) });
    const closed = await createEvent({ registrationDeadline: inDays(-1, 8) });
    const cancelled = await createEvent({ eventStatus: 'cancelled' });
    const elsewhere = await createEvent({ registrationMode: 'external', registrationUrl: 'https://zapisy.example.org/x' });
    const date = krakowDate(inDays(10, 9));
    expect(await signUp(notYet.documentId, date)).toMatchObject({ status: 409, body: { result: 'not_open_yet' } });
    expect(await signUp(closed.documentId, date)).toMatchObject({ status: 409, body: { result: 'closed' } });
    expect(await signUp(cancelled.documentId, date)).toMatchObject({ status: 409, body: { result: 'event_cancelled' } });
    expect(await signUp(elsewhere.documentId, date)).toMatchObject({ status: 409, body: { result: 'not_on_site' } });
    expect(await signUp(notYet.documentId, krakowDate(inDays(11, 9)))).toMatchObject({ status: 409, body: { result: 'no_such_date' } });
    for (const event of [notYet, closed, cancelled, elsewhere]) expect(await registrationsOf(event.documentId)).toEqual([]);
  });

  it('answers every bad field with its own message and stores nothing', async () => {
    const event = await createEvent();
    const date = krakowDate(inDays(10, 9));
    const answer = await signUp(event.documentId, date, { name: ' ', email: 'jan kowalski@example.org', consent: '', needs: 'teleport' });
    expect(answer.status).toBe(400);
    expect(answer.body.problems!.map((p) => p.field)).toEqual(['name', 'email', 'needs', 'consent']);
    expect(answer.body.result).toBe('invalid_name');
    expect(await registrationsOf(event.documentId)).toEqual([]);
  });

  it('takes only whitelisted fields: a status, a seat or a token sent with the form is ignored', async () => {
    const event = await createEvent({ capacity: 1 });
    const email = nextEmail('sprytny');
    await signUp(event.documentId, krakowDate(inDays(10, 9)), { email, state: 'confirmed', status: 'confirmed', holdsSeat: 'false', tokenHash: 'x'.repeat(64), confirmedAt: '2020-01-01' });
    const [registration] = await registrationsOf(event.documentId);
    expect(registration).toMatchObject({ email, state: 'awaiting_confirmation', holdsSeat: true });
    // The stored token is the server's own: the mailed link works.
    const request = await mailTo(email, /^Potwierdź zapis/);
    expect(await (await post('/api/signups/confirm', { token: tokenOf(linkIn(request, 'confirm')) })).json()).toMatchObject({ result: 'confirmed' });
  });

  it('answers a filled honeypot like a success and stores and sends nothing', async () => {
    const event = await createEvent();
    const email = nextEmail('bot');
    expect(await signUp(event.documentId, krakowDate(inDays(10, 9)), { email, website: 'https://spam.example' })).toMatchObject({ status: 202, body: { result: 'check_email' } });
    expect(await registrationsOf(event.documentId)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await mails()).filter((mail) => mail.to.includes(email))).toEqual([]);
  });

  it('refuses a form sent faster than a person can fill it in', async () => {
    const event = await createEvent();
    expect(await signUp(event.documentId, krakowDate(inDays(10, 9)), { ts: String(Date.now() - 500) })).toMatchObject({ status: 400, body: { result: 'too_fast' } });
  });

  it('limits sign-ups per client address and per e-mail address', async () => {
    const event = await createEvent({ capacity: 50 });
    const date = krakowDate(inDays(10, 9));
    const ip = nextIp();
    const fromOneIp: string[] = [];
    for (let i = 0; i < 21; i += 1) fromOneIp.push((await signUp(event.documentId, date, {}, { ip })).body.result);
    expect(fromOneIp.slice(0, 20).every((result) => result === 'check_email')).toBe(true);
    expect(fromOneIp[20]).toBe('rate_limited');

    const email = nextEmail('limit');
    const forOneEmail: string[] = [];
    for (let i = 0; i < 6; i += 1) forOneEmail.push((await signUp(event.documentId, date, { email })).body.result);
    expect(forOneEmail).toEqual(['check_email', 'repeat', 'repeat', 'repeat', 'repeat', 'rate_limited']);
  });

  it('answers a mistyped or unknown link with its own page', async () => {
    expect(await (await post('/api/signups/confirm', { token: 'krótki' })).json()).toMatchObject({ result: 'invalid_token' });
    expect(await (await post('/api/signups/cancel', { token: 'A'.repeat(43) })).json()).toMatchObject({ result: 'unknown_link' });
    const page = await fetch(`${cms().url}/api/signups/confirm?token=${'A'.repeat(43)}`, { headers: { Accept: 'text/html' }, redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`${cms().siteUrl}/zapisy/link-nieaktualny/`);
  });
});

describe('capacity under concurrency', () => {
  it('gives 20 seats to exactly 20 of 500 simultaneous sign-ups, and none is lost or duplicated', async () => {
    const event = await createEvent({ capacity: 20, waitlist: false });
    const date = krakowDate(inDays(10, 9));
    const emails = Array.from({ length: 500 }, () => nextEmail('tlum'));
    const answers = await Promise.all(emails.map((email) => signUp(event.documentId, date, { email })));
    const results = answers.map((answer) => answer.body.result);
    expect(results.filter((result) => result === 'check_email')).toHaveLength(20);
    expect(results.filter((result) => result === 'full')).toHaveLength(480);

    const stored = await registrationsOf(event.documentId);
    expect(stored).toHaveLength(20);
    expect(new Set(stored.map((r) => r.email)).size).toBe(20);
    expect(stored.every((r) => r.holdsSeat && r.state === 'awaiting_confirmation')).toBe(true);
    const accepted = emails.filter((_, i) => results[i] === 'check_email').sort();
    expect(stored.map((r) => r.email).sort()).toEqual(accepted);

    const requests = await Promise.all(accepted.map((email) => mailTo(email, /^Potwierdź zapis/)));
    const confirmations = await Promise.all(requests.map((mail) => post('/api/signups/confirm', { token: tokenOf(linkIn(mail, 'confirm')) }).then((r) => r.json() as Promise<SignUpAnswer>)));
    expect(confirmations.every((answer) => answer.result === 'confirmed')).toBe(true);
    expect((await registrationsOf(event.documentId)).filter((r) => r.state === 'confirmed')).toHaveLength(20);
    expect((await seats(event.documentId))[0]!.seatsLeft).toBe(0);
  });
});

describe('what the public can read', () => {
  it('has no REST route that lists, filters or populates registrations', async () => {
    const event = await createEvent();
    await signUp(event.documentId, krakowDate(inDays(10, 9)), { email: nextEmail('prywatna') });
    for (const path of [
      '/api/registrations',
      '/api/registrations?status=draft',
      `/api/registrations?filters[eventDocumentId][$eq]=${event.documentId}`,
      '/api/registration',
    ]) {
      const { status } = await call('GET', path);
      expect([403, 404], path).toContain(status);
      const withToken = await call('GET', path, { auth: 'full' });
      expect([403, 404], path).toContain(withToken.status);
    }
    for (const path of [`/api/events/${event.documentId}?populate=*`, `/api/events?filters[documentId][$eq]=${event.documentId}&populate=*`, `/api/events/${event.documentId}?status=draft&populate=*`]) {
      const { body } = await call('GET', path);
      expect(JSON.stringify(body), path).not.toMatch(/prywatna|registrations|tokenHash/);
    }
  });

  it('sees only numbers in the seats-left answer', async () => {
    const event = await createEvent({ capacity: 3 });
    await signUp(event.documentId, krakowDate(inDays(10, 9)), { email: nextEmail('liczby') });
    const response = await fetch(`${cms().url}/api/signups/seats/${event.documentId}`);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ data: { event: event.documentId, units: [{ date: krakowDate(inDays(10, 9)), slot: null, startsAt: expect.any(String), capacity: 3, seatsLeft: 2, waitlist: false }] } });
    expect(text).not.toMatch(/liczby|@/);
    expect((await fetch(`${cms().url}/api/signups/seats/niematakiego00000000`)).status).toBe(404);
  });
});

describe('editors in the admin panel', () => {
  const edit = (documentId: string, data: Record<string, unknown>) =>
    call<{ data?: Record<string, unknown> } & Partial<StrapiErrorBody>>('PUT', `/content-manager/collection-types/api::registration.registration/${documentId}`, { auth: 'admin', body: data });

  async function application(event: string, startsAt: string, email = nextEmail('zgloszenie')): Promise<Registration> {
    expect((await signUp(event, krakowDate(startsAt), { email, organisation: 'Fundacja Próbna' })).body.result).toBe('check_email');
    const request = await mailTo(email, /^Potwierdź zapis/);
    expect(await (await post('/api/signups/confirm', { token: tokenOf(linkIn(request, 'confirm')) })).json()).toMatchObject({ result: 'awaiting_approval' });
    return (await registrationsOf(event)).find((r) => r.email === email)!;
  }

  it('approve an application (the person gets a seat and a mail) and reject one only with a reason, which is mailed', async () => {
    const startsAt = inDays(10, 9);
    const event = await createEvent({ capacity: 1, approvalRequired: true });
    const first = await application(event.documentId, startsAt);
    const second = await application(event.documentId, startsAt);
    expect([first.state, first.holdsSeat, second.state]).toEqual(['awaiting_approval', false, 'awaiting_approval']);

    const approved = await edit(first.documentId, { state: 'confirmed', decisionReason: 'Zapraszamy całą ekipę.' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const yes = await mailTo(first.email, /^Zgłoszenie przyjęte: /);
    expect(yes.text).toContain('Zapraszamy całą ekipę.');
    expect(yes.attachments.map((a) => a.filename)).toEqual(['wydarzenie.ics']);

    // The one seat is taken: approving the second is refused at the state field.
    expectRejected(await edit(second.documentId, { state: 'confirmed' }), 'state', /Stan \(state\): brak wolnych miejsc.*zajęte 1 z 1/);
    expectRejected(await edit(second.documentId, { state: 'rejected' }), 'decisionReason', /wymaga uzasadnienia/);
    expect((await edit(second.documentId, { state: 'rejected', decisionReason: 'Warsztat jest dla zespołów organizacji z Krakowa.' })).status).toBe(200);
    expect((await mailTo(second.email, /^Zgłoszenie nieprzyjęte/)).text).toContain('Warsztat jest dla zespołów organizacji z Krakowa.');
    expect((await registrationsOf(event.documentId)).map((r) => [r.state, r.holdsSeat])).toEqual([['confirmed', true], ['rejected', false]]);
  });

  it('mark attendance, cancel for someone (the waiting list moves up), and cannot touch the seat bookkeeping', async () => {
    const startsAt = inDays(10, 9);
    const event = await createEvent({ capacity: 1, waitlist: true });
    const emails = [nextEmail('jeden'), nextEmail('dwa')];
    for (const email of emails) {
      await signUp(event.documentId, krakowDate(startsAt), { email });
      await post('/api/signups/confirm', { token: tokenOf(linkIn(await mailTo(email, /^Potwierdź zapis/), 'confirm')) });
    }
    const [seated, waiting] = await registrationsOf(event.documentId);
    expect([seated!.state, waiting!.state]).toEqual(['confirmed', 'waitlisted']);

    expectRejected(await edit(waiting!.documentId, { holdsSeat: true }), 'holdsSeat', /to pole ustawia CMS/);
    expectRejected(await edit(waiting!.documentId, { state: 'attended' }), 'state', /można przejść tylko do: confirmed, cancelled/);
    expect((await edit(seated!.documentId, { state: 'cancelled' })).status).toBe(200);
    await mailTo(seated!.email, /^Rezygnacja przyjęta/);
    await mailTo(waiting!.email, /^Zwolniło się miejsce/);
    expect((await edit(waiting!.documentId, { state: 'attended' })).status).toBe(200);
    expect((await edit(waiting!.documentId, { state: 'no_show' })).status).toBe(200);
    expect((await registrationsOf(event.documentId)).map((r) => [r.state, r.holdsSeat])).toEqual([['cancelled', false], ['no_show', true]]);
  });

  it('cannot add a sign-up by hand: people sign up through the form, which confirms their address', async () => {
    const response = await call('POST', '/content-manager/collection-types/api::registration.registration', { auth: 'admin', body: { name: 'Ręczny Wpis', email: 'reczny@example.org' } });
    expectRejected(response, 'eventDocumentId', /tylko przez formularz/);
  });
});

describe('the organisers’ export', () => {
  it('gives an event’s sign-ups as CSV with a byte-order mark and Polish letters, to logged-in editors only', async () => {
    const event = await createEvent({ capacity: 3 });
    const email = nextEmail('eksport');
    await signUp(event.documentId, krakowDate(inDays(10, 9)), { email, name: 'Łucja Żółtowska', organisation: '=HYPERLINK("http://zly.example")', needs: ['induction_loop', 'step_free'] });
    const response = await fetch(`${cms().url}/admin/co/registrations.csv?event=${event.documentId}`, { headers: { Authorization: `Bearer ${await adminToken()}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Wydarzenie,Dzień,Godzina (okienko),Stan,Imię i nazwisko,E-mail,Organizacja,Potrzeby,Inne potrzeby,Zapisano,Potwierdzono');
    expect(lines[1]).toContain(`,czeka na potwierdzenie e-mailem,Łucja Żółtowska,${email},"'=HYPERLINK(""http://zly.example"")","pętla indukcyjna, bez schodów",`);
    expect((await fetch(`${cms().url}/admin/co/registrations.csv?event=${event.documentId}`)).status).toBe(401);
    expect((await fetch(`${cms().url}/admin/co/registrations.csv?event=${event.documentId}`, { headers: { Authorization: `Bearer ${cms().fullToken}` } })).status).toBe(401);
  });

  it('counts an event’s sign-ups per state and seats per date for the edit view, and names a missing event', async () => {
    const event = await createEvent({ capacity: 3 });
    const date = krakowDate(inDays(10, 9));
    await signUp(event.documentId, date, { email: nextEmail('podsumowanie') });
    const admin = { headers: { Authorization: `Bearer ${await adminToken()}` } };
    const response = await fetch(`${cms().url}/admin/co/registrations/summary?event=${event.documentId}`, admin);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: { total: number; counts: Record<string, number>; seatsHeld: Record<string, number> } };
    expect(data.total).toBe(1);
    expect(data.counts.awaiting_confirmation).toBe(1);
    expect(data.counts.confirmed).toBe(0);
    expect(data.seatsHeld).toEqual({ [date]: 1 });
    for (const route of ['registrations/summary', 'registrations.csv']) {
      const missing = await fetch(`${cms().url}/admin/co/${route}`, admin);
      expect(missing.status, route).toBe(400);
      expect(((await missing.json()) as { error: { message: string } }).error.message, route).toMatch(/\?event=/);
    }
  });
});

describe('the admin’s own mail', () => {
  it('sends the password reset through the same SMTP server', async () => {
    const response = await fetch(`${cms().url}/admin/forgot-password`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'redakcja@co.example.pl' }) });
    expect(response.status).toBe(204);
    // Other mail reaches the admins too (the digest of organisations' proposals): wait for the reset's.
    const deadline = Date.now() + 15_000;
    while (!(await mails()).some((mail) => mail.to.includes('redakcja@co.example.pl') && mail.links.some((link) => link.includes('/admin/auth/reset-password?code=')))) {
      if (Date.now() > deadline) throw new Error(`No password reset mail to redakcja@co.example.pl; caught: ${(await mails()).filter((m) => m.to.includes('redakcja@co.example.pl')).map((m) => m.subject).join('; ')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
});
