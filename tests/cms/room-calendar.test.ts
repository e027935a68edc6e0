import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { call, type StrapiErrorBody } from './client.ts';
import { mails, mailTo } from './signups.ts';
import { busy, confirmedRequest, createRoom, decide, deleteCreatedRooms, rememberEvent, requestsOf, tuesdayIn } from './rooms.ts';

// One room calendar for both sides, on the real CMS: an event cannot take a room's time that an
// organisation's request was given, unless an editor deliberately displaces the request, which
// then is rejected and mailed; and an approval racing an event save leaves exactly one of them.

deleteCreatedRooms();

type Doc = { documentId: string; title: string; publishedAt?: string | null; displaceRoomRequests?: boolean; status?: string };
const EVENTS = '/content-manager/collection-types/api::event.event';

/** A Kraków wall-clock time on a date, as a UTC instant. */
const at = (date: string, time: string): string => DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Warsaw' }).toUTC().toISO()!;

const eventData = (room: string | null, date: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  title: `Wydarzenie w sali ${Math.random().toString(36).slice(2, 8)}`,
  description: 'Wydarzenie z testu kalendarza sali.',
  startsAt: at(date, from),
  endsAt: at(date, to),
  type: 'training',
  format: 'on_site',
  audience: 'everyone',
  eventStatus: 'scheduled',
  ...(room ? { room } : { venue: { name: 'Inne miejsce', address: { street: 'ul. Długa 1', postalCode: '31-147', city: 'Kraków' } } }),
  ...extra,
});

/** Creates and publishes an event through the REST API, as a script of the centre would. */
async function publishEvent(data: Record<string, unknown>) {
  const response = await call<{ data: Doc; error?: StrapiErrorBody['error'] }>('POST', '/api/events', { auth: 'full', body: { data } });
  if (response.status === 201) rememberEvent(response.body.data.documentId);
  return response;
}

/** Saves an event in the admin (a draft), as an editor's Save does. */
async function adminSave(data: Record<string, unknown>, documentId?: string) {
  const response = await call<{ data: Doc; error?: StrapiErrorBody['error'] }>(documentId ? 'PUT' : 'POST', documentId ? `${EVENTS}/${documentId}` : EVENTS, { auth: 'admin', body: data });
  if (!documentId && response.status === 201) rememberEvent(response.body.data.documentId);
  return response;
}

const adminPublish = (documentId: string) => call<{ data: Doc; error?: StrapiErrorBody['error'] }>('POST', `${EVENTS}/${documentId}/actions/publish`, { auth: 'admin', body: {} });
const eventsTitled = async (title: string) => (await call<{ results: Doc[] }>('GET', `${EVENTS}?${new URLSearchParams({ 'filters[title][$eq]': title })}`, { auth: 'admin' })).body.results;

/** A room with a request approved for `date` `from`–`to` (Kraków time), weekly until `repeatUntil` when given. */
async function roomWithApproval(date: string, from: string, to: string, repeatUntil = '') {
  const room = await createRoom();
  const request = await confirmedRequest(room, { date, from, to, repeatUntil });
  expect((await decide(request.documentId, { state: 'approved' })).status).toBe(200);
  await mailTo(request.email, /^Sala zarezerwowana/);
  return { room, ...request };
}

const expectRoomTaken = (response: { status: number; body: unknown }, time: RegExp) => {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  const problem = (response.body as StrapiErrorBody).error.details!.errors![0]!;
  expect(problem.path).toEqual(['room']);
  expect(problem.message).toMatch(/^Sala w Centrum \(room\): sala jest wtedy przyznana organizacji na przyjęty wniosek/);
  expect(problem.message).toMatch(time);
  expect(problem.message).toContain('Przesuń przyjęte wnioski o salę');
  // The editor learns when, never who: the organisation's name stays in the request.
  expect(problem.message).not.toContain('Stowarzyszenie Testowe');
};

describe('an event over an approved room request', () => {
  it('is refused when created and published, naming the request\'s time, and nothing is stored', async () => {
    const date = tuesdayIn(12);
    const { room } = await roomWithApproval(date, '10:00', '12:00');
    const data = eventData(room, date, '11:00', '13:00');
    expectRoomTaken(await publishEvent(data), /10:00–12:00/);
    expect(await eventsTitled(data.title)).toEqual([]);
    // Right after the request's time the room is free.
    expect((await publishEvent(eventData(room, date, '12:00', '13:00'))).status).toBe(201);
  });

  it('is refused when an event is moved into the room, when its time changes onto the request, and when a later date of a series meets it', async () => {
    const date = tuesdayIn(12);
    const { room } = await roomWithApproval(date, '15:00', '17:00');
    const elsewhere = await publishEvent(eventData(null, date, '15:00', '16:00'));
    expect(elsewhere.status, JSON.stringify(elsewhere.body)).toBe(201);
    expectRoomTaken(await call('PUT', `/api/events/${elsewhere.body.data.documentId}`, { auth: 'full', body: { data: { room, venue: null } } }), /15:00–17:00/);

    const earlier = await publishEvent(eventData(room, date, '12:00', '14:00'));
    expect(earlier.status).toBe(201);
    expectRoomTaken(await call('PUT', `/api/events/${earlier.body.data.documentId}`, { auth: 'full', body: { data: { startsAt: at(date, '14:00'), endsAt: at(date, '16:00') } } }), /15:00–17:00/);

    // A weekly series that starts a week earlier runs into the request on its second date.
    const weekBefore = DateTime.fromISO(date).minus({ weeks: 1 }).toISODate()!;
    const recurrence = { frequency: 'weekly', interval: 1, until: DateTime.fromISO(date).plus({ weeks: 2 }).toISODate(), tuesday: true };
    const series = eventData(room, weekBefore, '16:00', '18:00', { recurrence });
    expectRoomTaken(await publishEvent(series), new RegExp(`${DateTime.fromISO(date).setLocale('pl').toFormat('d MMMM yyyy')}, 15:00–17:00`));
    // The same series ending before the request's day is fine.
    expect((await publishEvent({ ...series, title: `${series.title} krótka`, recurrence: { ...recurrence, until: weekBefore } })).status).toBe(201);
  });

  it('is refused when saved as a draft in the admin, and when a draft scheduled before the approval is published, also by the scheduler', async () => {
    const date = tuesdayIn(13);
    const room = await createRoom();
    // A draft scheduled while the time was free ("Opublikuj automatycznie"); an approval ignores drafts, which are not on the site.
    const publishAt = Date.now() + 15_000;
    const draft = await adminSave({ ...eventData(room, date, '09:00', '11:00'), publishAt: new Date(publishAt).toISOString() });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const { documentId } = draft.body.data;
    const request = await confirmedRequest(room, { date, from: '10:00', to: '12:00' });
    expect((await decide(request.documentId, { state: 'approved' })).status).toBe(200);
    expect(Date.now(), 'the approval must come before the scheduled time for this test to mean anything').toBeLessThan(publishAt);

    expectRoomTaken(await adminSave({ description: 'Poprawiony opis.' }, documentId), /10:00–12:00/);
    expectRoomTaken(await adminPublish(documentId), /10:00–12:00/);
    // The scheduler (every 2 s in the test CMS) is refused the same way: the draft stays a draft.
    await new Promise((resolve) => setTimeout(resolve, publishAt + 4000 - Date.now()));
    expect((await call('GET', `/api/events/${documentId}`)).status).toBe(404);

    // Moved out of the request's time, the scheduler publishes it at its next run.
    const moved = await call('PUT', `/api/events/${documentId}?status=draft`, { auth: 'full', body: { data: { startsAt: at(date, '07:00'), endsAt: at(date, '09:00') } } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    for (let i = 0; i < 40 && (await call('GET', `/api/events/${documentId}`)).status !== 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await call('GET', `/api/events/${documentId}`)).status).toBe(200);
  });

  it('takes the time when the editor displaces the request: the request is rejected with a reason, the organisation is mailed, and the tick clears', async () => {
    const date = tuesdayIn(14);
    const { room, email, documentId } = await roomWithApproval(date, '17:00', '19:00');
    expect((await busy()).filter((entry) => entry.room === room)).toHaveLength(1);

    const saved = await adminSave({ ...eventData(room, date, '18:00', '20:00'), displaceRoomRequests: true });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const [stored] = await requestsOf(room);
    expect(stored).toMatchObject({ documentId, state: 'rejected', decisionReason: expect.stringContaining('na własne wydarzenie') });
    const mail = await mailTo(email, /^Wniosek o salę nieprzyjęty/);
    expect(mail.text).toContain('17:00–19:00');
    expect(mail.text).toContain('pomożemy znaleźć inny termin');
    expect((await busy()).filter((entry) => entry.room === room)).toEqual([]);

    const view = await call<{ data: Doc }>('GET', `${EVENTS}/${saved.body.data.documentId}`, { auth: 'admin' });
    expect(view.body.data.displaceRoomRequests).toBe(false);
    expect((await adminPublish(saved.body.data.documentId)).status).toBe(200);
    // The tick is the editor's, never the public's.
    const published = await call<{ data: Record<string, unknown> }>('GET', `/api/events/${saved.body.data.documentId}`);
    expect(published.body.data).not.toHaveProperty('displaceRoomRequests');
  });

  it('displaces with the tick and Publish in one click, and mails only once the publication went through', async () => {
    const date = tuesdayIn(16);
    const { room, email, documentId } = await roomWithApproval(date, '13:00', '15:00');
    // A draft still without its description: Strapi saves drafts without their required fields and refuses them only on publish.
    const { description: _description, ...untyped } = eventData(room, DateTime.fromISO(date).plus({ days: 1 }).toISODate()!, '13:00', '15:00');
    const draft = await adminSave(untyped);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const moved = { startsAt: at(date, '14:00'), endsAt: at(date, '16:00'), displaceRoomRequests: true };
    // Publish saves the form first (which takes the room), then publishes, which fails: the two are one transaction, so nothing is displaced and no one is told.
    const refused = await call<{ error?: StrapiErrorBody['error'] }>('POST', `${EVENTS}/${draft.body.data.documentId}/actions/publish`, { auth: 'admin', body: moved });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(JSON.stringify(refused.body)).toMatch(/description/);
    expect((await requestsOf(room))[0]).toMatchObject({ documentId, state: 'approved' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await mails()).filter((mail) => mail.to.includes(email) && /nieprzyjęty/.test(mail.subject))).toEqual([]);

    const published = await call<{ data: Doc }>('POST', `${EVENTS}/${draft.body.data.documentId}/actions/publish`, { auth: 'admin', body: { ...moved, description: 'Opis dopisany przed publikacją.' } });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    // What goes back to the admin's form shows the tick cleared.
    expect(published.body.data.displaceRoomRequests).toBe(false);
    expect((await requestsOf(room))[0]).toMatchObject({ documentId, state: 'rejected' });
    expect((await mailTo(email, /^Wniosek o salę nieprzyjęty/)).text).toContain('13:00–15:00');
  });

  it('keeps a draft without its date or room savable, and a room\'s own list of events closed to moving events in', async () => {
    const room = await createRoom();
    const incomplete = await adminSave({ title: 'Szkic bez terminu', room });
    expect(incomplete.status, JSON.stringify(incomplete.body)).toBe(201);
    const elsewhere = await publishEvent(eventData(null, tuesdayIn(17), '10:00', '11:00'));
    expect(elsewhere.status).toBe(201);
    const connected = await call<{ error?: StrapiErrorBody['error'] }>('PUT', `/api/rooms/${room}`, { auth: 'full', body: { data: { events: { connect: [elsewhere.body.data.documentId] } } } });
    expect(connected.status, JSON.stringify(connected.body)).toBe(400);
    expect(connected.body.error?.details?.errors?.[0]).toMatchObject({ path: ['events'], message: expect.stringContaining('Sala w Centrum') });
  });

  it('leaves cancelled events and requests not yet approved alone', async () => {
    const date = tuesdayIn(15);
    const { room } = await roomWithApproval(date, '10:00', '12:00');
    expect((await publishEvent(eventData(room, date, '10:00', '12:00', { eventStatus: 'cancelled' }))).status).toBe(201);
    const pending = await createRoom();
    await confirmedRequest(pending, { date, from: '10:00', to: '12:00' });
    expect((await publishEvent(eventData(pending, date, '10:00', '12:00'))).status).toBe(201);
  });
});

describe('an approval and an event save at the same moment', () => {
  it('leaves exactly one of them, every time', async () => {
    for (let round = 0; round < 4; round += 1) {
      const date = tuesdayIn(20 + 7 * round);
      const room = await createRoom();
      const request = await confirmedRequest(room, { date, from: '10:00', to: '12:00' });
      const data = eventData(room, date, '11:00', '12:00');
      const [approval, event] = await Promise.all([decide(request.documentId, { state: 'approved' }), publishEvent(data)]);
      const approved = approval.status === 200;
      const eventSaved = event.status === 201;
      expect(approved !== eventSaved, `round ${round}: approval ${approval.status} ${JSON.stringify(approval.body).slice(0, 300)}, event ${event.status} ${JSON.stringify(event.body).slice(0, 300)}`).toBe(true);
      const [stored] = await requestsOf(room);
      expect(stored!.state).toBe(approved ? 'approved' : 'requested');
      expect(await eventsTitled(data.title)).toHaveLength(eventSaved ? 1 : 0);
      if (approved) expectRoomTaken(event, /10:00–12:00/);
      else expect(approval.body.error?.message).toMatch(/sala jest wtedy zajęta/);
    }
  });
});
