import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bookableDays, type BookingWindow } from '../../cms/src/room-requests/rules';
import { DEFAULT_BOOKING_WINDOW } from '../../cms/src/shared/room-request-results';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { ROOM_WORDS_UK } from '../../cms/src/room-requests/mail-words-uk';
import { call, cms, type StrapiErrorBody } from './client.ts';
import { mails, mailTo, nextIp, post, tokenOf } from './signups.ts';
import { busy, confirmedRequest, createRoom, decide, deleteCreatedRooms, form, linkIn, rememberEvent, request, requestsOf, tuesdayIn } from './rooms.ts';

// Room requests against the real CMS and SMTP catcher: the form, the mailed links, the editors'
// decisions, the calendar checks, concurrency, what the public can read, and the timed work.

deleteCreatedRooms();

describe('requesting a room', () => {
  it('runs the whole request: form, confirmation by mail, approval with a mail and the slot busy', async () => {
    const room = await createRoom();
    const data = await form(room, { repeatUntil: '' });
    expect(await request(data)).toEqual({ status: 202, body: expect.objectContaining({ result: 'check_email' }) });
    const mail = await mailTo(data.email!, /^Potwierdź wniosek o salę/);
    expect(mail.text).toContain('10:00–12:00');

    // Opening the link (as a mail scanner would) shows a button and changes nothing.
    const page = await fetch(linkIn(mail, 'confirm'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Potwierdzam wniosek');
    expect((await requestsOf(room)).map((r) => r.state)).toEqual(['awaiting_confirmation']);

    expect(await (await post('/api/room-requests/confirm', { token: tokenOf(linkIn(mail, 'confirm')) })).json()).toMatchObject({ result: 'requested' });
    await mailTo(data.email!, /^Wniosek o salę czeka na decyzję/);
    const [stored] = await requestsOf(room);
    expect(stored).toMatchObject({ state: 'requested', organisation: 'Stowarzyszenie Testowe' });

    const approved = await decide(stored!.documentId, { state: 'approved', decisionReason: 'Klucz w recepcji.' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const approval = await mailTo(data.email!, /^Sala zarezerwowana/);
    expect(approval.text).toContain('Klucz w recepcji.');
    expect(approval.attachments.map((file) => file.filename)).toEqual(['rezerwacja.ics']);

    const taken = (await busy()).filter((entry) => entry.room === room);
    expect(taken).toEqual([{ room, startsAt: expect.stringContaining(data.date!.slice(0, 4)), endsAt: expect.any(String) }]);
    expect(Date.parse(taken[0]!.endsAt) - Date.parse(taken[0]!.startsAt)).toBe(2 * 3_600_000);
    // The approved slot is no longer free for anyone else.
    expect((await request(await form(room, { from: '11:00', to: '13:00' }))).body.result).toBe('slot_taken');
    expect((await request(await form(room, { from: '12:00', to: '13:00' }))).body.result).toBe('check_email');
  });

  it('answers a request from the Ukrainian room page in Ukrainian: answer pages, mails, link pages and the room by its Ukrainian name and page', async () => {
    const room = await createRoom();
    // The editor translates the room; its capacity and the rest stay the Polish room's.
    const translated = await call<{ data: { slug: string; capacity: number } }>('PUT', `/api/rooms/${room}?locale=uk`, { auth: 'full', body: { data: { name: 'Тестова зала', description: 'Зала з тесту заявок.', howToBook: 'Подайте заявку через форму.' } } });
    expect(translated.status, JSON.stringify(translated.body)).toBe(200);
    expect(translated.body.data.capacity).toBe(12);
    const data = await form(room, { repeatUntil: '', name: 'Олена Коваленко', language: 'uk' });
    const sent = await post('/api/room-requests', data, { asForm: true });
    expect(sent.status).toBe(303);
    expect(new URL(sent.headers.get('location')!).pathname).toBe('/uk/rezerwacje/sprawdz-poczte/');

    const mail = await mailTo(data.email!, /./);
    expect(mail.subject).toBe(ROOM_WORDS_UK.subjects.confirm_request('Тестова зала'));
    expect(mail.text).toContain('Олена Коваленко');
    expect(mail.text).toMatch(/вівторок|середа|четвер|понеділок|пʼятниця|п’ятниця|субота|неділя/);
    const page = await (await fetch(linkIn(mail, 'confirm'))).text();
    expect(page).toContain('<html lang="uk">');
    expect(page).toContain(ROOM_WORDS_UK.linkPages.confirm.button);
    // The link page's button posts the language too, so its answer page is Ukrainian.
    const confirmed = await post('/api/room-requests/confirm', { token: tokenOf(linkIn(mail, 'confirm')), language: 'uk' }, { asForm: true });
    expect(new URL(confirmed.headers.get('location')!).pathname).toBe('/uk/rezerwacje/wniosek-przyjety/');
    await mailTo(data.email!, /^Заявка на залу чекає на рішення/);

    // The coordinator decides in the Polish admin; the applicant hears in Ukrainian, with a Ukrainian calendar file.
    const [stored] = await requestsOf(room);
    expect(stored).toMatchObject({ language: 'uk' });
    expect((await decide(stored!.documentId, { state: 'approved', decisionReason: 'Ключ на рецепції.' })).status).toBe(200);
    const approval = await mailTo(data.email!, /^Залу заброньовано/);
    expect(approval.subject).toBe(ROOM_WORDS_UK.subjects.approved('Тестова зала'));
    expect(approval.text).toContain('Ключ на рецепції.');
    expect(approval.text).not.toMatch(/Dzień dobry|Wycofaj wniosek/);
    expect(approval.attachments.map((file) => file.filename)).toEqual([ROOM_WORDS_UK.calendar.fileName]);
    // The file comes base64-encoded, and iCalendar folds long lines; unfolded, the entry links to the Ukrainian room page.
    expect(Buffer.from(approval.attachments[0]!.content, 'base64').toString('utf8').replace(/\r?\n[ \t]/g, '')).toMatch(new RegExp(`\nURL;VALUE=URI:https?://[^/\r\n]+/uk/sale/${translated.body.data.slug}/\r?\n`));
  });

  it('checks the room calendar, opening hours, the booking window and the capacity', async () => {
    const room = await createRoom(10);
    const date = tuesdayIn(14);
    const startsAt = DateTime.fromISO(`${date}T15:00`, { zone: 'Europe/Warsaw' }).toJSDate();
    const event = await call<{ data: { documentId: string } }>('POST', '/api/events', {
      auth: 'full',
      body: { data: { title: 'Warsztat w sali testowej', description: 'Zajmuje salę.', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(), type: 'training', format: 'on_site', room, audience: 'everyone', eventStatus: 'scheduled' } },
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    rememberEvent(event.body.data.documentId);

    const cases: [Record<string, string>, string, number][] = [
      [{ date, from: '16:00', to: '18:00' }, 'slot_taken', 409],
      [{ date, from: '07:00', to: '09:30' }, 'outside_hours', 409],
      [{ date: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), from: '10:00', to: '11:00' }, 'too_soon', 409],
      // Past the suite's window of 3 months (global-setup.ts) whatever the month.
      [{ date: tuesdayIn(100) }, 'too_far', 409],
      [{ date: tuesdayIn(10), repeatUntil: tuesdayIn(100) }, 'too_far', 409],
      [{ participants: '11' }, 'too_many_people', 409],
      [{ room: 'niematakiejsali000000' }, 'unknown_room', 404],
    ];
    for (const [fields, result, status] of cases) expect(await request(await form(room, fields)), result).toMatchObject({ status, body: { result } });
    // The event's own end is free again.
    expect((await request(await form(room, { date, from: '17:00', to: '19:00' }))).body.result).toBe('check_email');
  });

  it('names the field of every bad input', async () => {
    const room = await createRoom();
    const cases: [Record<string, string>, string, string][] = [
      [{ organisation: 'X' }, 'invalid_organisation', 'organisation'],
      [{ krs: '12345' }, 'invalid_krs', 'krs'],
      [{ email: 'a@b' }, 'invalid_email', 'email'],
      [{ email: '"x"@example.org' }, 'invalid_email', 'email'],
      [{ phone: 'zadzwoń' }, 'invalid_phone', 'phone'],
      [{ purpose: 'krótko' }, 'invalid_purpose', 'purpose'],
      [{ date: '2027-02-30' }, 'invalid_date', 'date'],
      [{ from: '12:00', to: '10:00' }, 'invalid_time', 'from'],
      [{ participants: '0' }, 'invalid_participants', 'participants'],
      [{ repeatUntil: '2020-01-01' }, 'invalid_repeat', 'repeatUntil'],
      [{ consent: '' }, 'missing_consent', 'consent'],
    ];
    for (const [fields, result, field] of cases) expect(await request(await form(room, fields)), result).toMatchObject({ status: 400, body: { result, field } });
    const page = await post('/api/room-requests', await form(room, { krs: '12' }), { asForm: true });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`${cms().siteUrl}/rezerwacje/popraw-krs/`);
    // A bot that fills the hidden field is answered like a person, and nothing is stored.
    expect((await request(await form(room, { website: 'http://spam.example' }))).body.result).toBe('check_email');
    expect(await requestsOf(room)).toEqual([]);
  });

  it('sends the link again instead of a second request for the same slot, and limits requests per address', async () => {
    const room = await createRoom();
    const data = await form(room);
    expect((await request(data)).body.result).toBe('check_email');
    expect((await request(data)).body.result).toBe('repeat');
    expect(await requestsOf(room)).toHaveLength(1);
    const ip = nextIp();
    const results: string[] = [];
    for (let i = 0; i < 11; i += 1) results.push((await request(await form(room, { organisation: 'X' }), ip)).body.result);
    expect(results.slice(0, 10).every((result) => result === 'invalid_organisation')).toBe(true);
    expect(results[10]).toBe('rate_limited');
  });

  it('lets the applicant withdraw with the mailed link, which frees the slot', async () => {
    const room = await createRoom();
    const { email, documentId } = await confirmedRequest(room);
    expect((await decide(documentId, { state: 'approved' })).status).toBe(200);
    const approval = await mailTo(email, /^Sala zarezerwowana/);
    expect((await fetch(linkIn(approval, 'withdraw'))).status).toBe(200);
    expect((await requestsOf(room))[0]!.state).toBe('approved');
    expect(await (await post('/api/room-requests/withdraw', { token: tokenOf(linkIn(approval, 'withdraw')) })).json()).toMatchObject({ result: 'withdrawn' });
    await mailTo(email, /^Wniosek o salę wycofany/);
    expect((await busy()).filter((entry) => entry.room === room)).toEqual([]);
    expect(await (await post('/api/room-requests/withdraw', { token: tokenOf(linkIn(approval, 'withdraw')) })).json()).toMatchObject({ result: 'not_withdrawable' });
  });
});

describe('editors deciding on requests', () => {
  it('turns down the pending requests that overlap an approved one, and tells them', async () => {
    const room = await createRoom();
    const first = await confirmedRequest(room, { from: '10:00', to: '12:00' });
    const overlapping = await confirmedRequest(room, { from: '11:00', to: '13:00' });
    const later = await confirmedRequest(room, { from: '14:00', to: '15:00' });
    expect((await decide(first.documentId, { state: 'approved' })).status).toBe(200);
    const byEmail = Object.fromEntries((await requestsOf(room)).map((entry) => [entry.email, entry]));
    expect(byEmail[first.email]!.state).toBe('approved');
    expect(byEmail[overlapping.email]).toMatchObject({ state: 'rejected', decisionReason: expect.stringContaining('innemu wnioskowi') });
    expect(byEmail[later.email]!.state).toBe('requested');
    await mailTo(overlapping.email, /^Termin sali przyznany innej grupie/);
  });

  it('approves exactly one of five requests for one slot, however many editors click at once', async () => {
    const room = await createRoom();
    const requests = [];
    for (let i = 0; i < 5; i += 1) requests.push(await confirmedRequest(room));
    const answers = await Promise.all(requests.map((entry) => decide(entry.documentId, { state: 'approved' })));
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 400)).toHaveLength(4);
    const states = (await requestsOf(room)).map((entry) => entry.state).sort();
    expect(states).toEqual(['approved', 'rejected', 'rejected', 'rejected', 'rejected']);
  });

  it('needs a reason to reject or ask for information, and changes nothing else', async () => {
    const room = await createRoom();
    const { email, documentId } = await confirmedRequest(room);
    const noReason = await decide(documentId, { state: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toMatch(/^Uzasadnienie decyzji \(decisionReason\):/);
    expect((await decide(documentId, { organisation: 'Inna nazwa' })).body.error?.message).toMatch(/^Organizacja lub grupa \(organisation\):/);
    expect((await decide(documentId, { state: 'expired' })).body.error?.message).toMatch(/^Stan \(state\): ze stanu „requested” można przejść tylko do/);
    expect((await decide(documentId, { state: 'needs_information', decisionReason: 'Prosimy o statut grupy.' })).status).toBe(200);
    expect((await mailTo(email, /^Potrzebujemy informacji/)).text).toContain('Prosimy o statut grupy.');
    // An applicant who phones in is withdrawn by the editor, and gets the same mail as through the link.
    expect((await decide(documentId, { state: 'withdrawn' })).status).toBe(200);
    await mailTo(email, /^Wniosek o salę wycofany/);
    const created = await call<StrapiErrorBody>('POST', '/content-manager/collection-types/api::room-request.room-request', { auth: 'admin', body: { roomDocumentId: room, roomName: 'X', startsAt: new Date().toISOString(), endsAt: new Date().toISOString(), participants: 1, state: 'approved' } });
    expect(created.status).toBe(400);
  });
});

describe('the booking window', () => {
  it('publishes the window it is configured with beside the busy times, and refuses exactly outside it', async () => {
    const answer = (await (await fetch(`${cms().url}/api/room-requests/busy`)).json()) as { data: unknown[]; meta: { bookingWindow: BookingWindow } };
    const configured = { minDays: Number(cms().env.ROOM_REQUEST_MIN_DAYS), maxMonths: Number(cms().env.ROOM_REQUEST_MAX_MONTHS) };
    expect(configured, 'the suite runs with a window of its own (global-setup.ts)').not.toEqual(DEFAULT_BOOKING_WINDOW);
    expect(answer.meta).toEqual({ bookingWindow: configured });

    // The published window is the one submit() applies: its first and last days are accepted, the days around them not.
    const room = await createRoom();
    const { first, last } = bookableDays(new Date(), answer.meta.bookingWindow);
    const day = (date: string, days: number): string => DateTime.fromISO(date).plus({ days }).toISODate()!;
    // The centre is open on Mondays to Saturdays (cms/seed/global.json): a Sunday moves to the nearest day inside the window.
    const open = (date: string, step: 1 | -1): string => (DateTime.fromISO(date).weekday === 7 ? day(date, step) : date);
    const cases: [string, string][] = [[day(first, -1), 'too_soon'], [open(first, 1), 'check_email'], [open(last, -1), 'check_email'], [day(last, 1), 'too_far']];
    for (const [date, result] of cases) expect((await request(await form(room, { date, from: '10:00', to: '11:00' }))).body.result, date).toBe(result);
  });
});

describe('what the public can read', () => {
  it('has no REST route that lists, filters or populates room requests, and the busy times name no one', async () => {
    const room = await createRoom();
    const { documentId, email } = await confirmedRequest(room, { organisation: 'Tajna Grupa Sąsiedzka' });
    await decide(documentId, { state: 'approved' });
    for (const path of ['/api/room-requests', '/api/room-requests?status=draft', `/api/room-requests?filters[roomDocumentId][$eq]=${room}`, `/api/room-requests/${documentId}`]) {
      expect([403, 404, 405], path).toContain((await call('GET', path)).status);
      expect([403, 404, 405], path).toContain((await call('GET', path, { auth: 'full' })).status);
    }
    const text = await (await fetch(`${cms().url}/api/room-requests/busy`)).text();
    expect(text).toContain(room);
    expect(text).not.toMatch(new RegExp(`Tajna|${email.replace(/[.+]/g, '\\$&')}|Anna|600 100`));
    const populated = await call('GET', `/api/rooms/${room}?populate=*`);
    expect(JSON.stringify(populated.body)).not.toMatch(/Tajna|room-request/);
  });
});

describe('the periodic work of room requests', () => {
  it('expires unconfirmed requests and erases personal data after the last meeting, keeping the rest', async () => {
    const room = await createRoom();
    const unconfirmed = await form(room);
    expect((await request(unconfirmed)).body.result).toBe('check_email');
    const { documentId } = await confirmedRequest(room, { from: '15:00', to: '16:00', repeatUntil: tuesdayIn(24) });
    await decide(documentId, { state: 'approved' });

    const tick = async (now: Date) => JSON.parse((await runCmsScript('registrations-tick', ['--now', now.toISOString()], { env: cms().env, capture: true })).trim().split('\n').at(-1)!) as { roomRequestsExpired: number; roomRequestsErased: number };
    expect((await tick(new Date(Date.now() + 49 * 3_600_000))).roomRequestsExpired).toBeGreaterThanOrEqual(1);
    expect((await requestsOf(room)).find((entry) => entry.email === unconfirmed.email)?.state).toBe('expired');

    // 30 days after the first meeting the weekly series still runs: nothing is erased yet.
    await tick(new Date(Date.parse(`${tuesdayIn(10)}T12:00:00Z`) + 31 * 86_400_000));
    expect((await requestsOf(room)).find((entry) => entry.documentId === documentId)?.erasedAt).toBeNull();
    await tick(new Date(Date.parse(`${tuesdayIn(24)}T12:00:00Z`) + 31 * 86_400_000));
    const erased = (await requestsOf(room)).find((entry) => entry.documentId === documentId)!;
    expect(erased).toMatchObject({ state: 'approved', email: null, organisation: null, erasedAt: expect.any(String), roomName: expect.stringContaining('Sala testowa') });
    expect((await mails()).length).toBeGreaterThan(0);
  });
});
