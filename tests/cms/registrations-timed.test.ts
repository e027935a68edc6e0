import { describe, expect, it } from 'vitest';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { call, cms } from './client.ts';
import { createEvent, deleteCreatedEvents, krakowDate, linkIn, mails, mailTo, nextEmail, post, registrationsOf, signUp, tokenOf } from './signups.ts';

deleteCreatedEvents();

interface TimedReport {
  expired: number;
  promoted: number;
  reminded: number;
  erased: number;
  tallied: number;
}

/** One run of the periodic work in a separate process (the cron is off in the test CMS), at the given moment. */
async function tick(now: Date): Promise<TimedReport> {
  const output = await runCmsScript('registrations-tick', ['--now', now.toISOString()], { env: cms().env, capture: true });
  return JSON.parse(output.trim().split('\n').at(-1)!) as TimedReport;
}

const hoursFromNow = (hours: number): string => {
  const date = new Date(Date.now() + hours * 3_600_000);
  date.setUTCSeconds(0, 0);
  return date.toISOString();
};

async function confirmedSignUp(event: string, startsAt: string, email = nextEmail()): Promise<string> {
  expect((await signUp(event, krakowDate(startsAt), { email })).body.result).toBe('check_email');
  const request = await mailTo(email, /^Potwierdź zapis/);
  const answer = (await (await post('/api/signups/confirm', { token: tokenOf(linkIn(request, 'confirm')) })).json()) as { result: string };
  expect(['confirmed', 'waitlisted']).toContain(answer.result);
  return email;
}

const mailsTo = async (email: string, subject: RegExp) => (await mails()).filter((mail) => mail.to.includes(email) && subject.test(mail.subject));

describe('the periodic work of sign-ups', () => {
  it('reminds confirmed people once before the event, but not those who signed up in its last two hours', async () => {
    const soon = hoursFromNow(20);
    const event = await createEvent({ startsAt: soon, endsAt: hoursFromNow(22), capacity: 5 });
    const early = await confirmedSignUp(event.documentId, soon);
    const lastMinute = hoursFromNow(1.5);
    const late = await createEvent({ startsAt: lastMinute, endsAt: hoursFromNow(2.5), capacity: 5 });
    const lateEmail = await confirmedSignUp(late.documentId, lastMinute);

    const first = await tick(new Date());
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const reminder = await mailTo(early, /^Przypomnienie/);
    expect(reminder.text).toContain('Zrezygnuj z udziału');
    expect(linkIn(reminder, 'cancel')).toBe(linkIn((await mailsTo(early, /^Zapis potwierdzony/))[0]!, 'cancel'));
    expect(await mailsTo(lateEmail, /^Przypomnienie/)).toEqual([]);

    await tick(new Date());
    expect(await mailsTo(early, /^Przypomnienie/)).toHaveLength(1);
  });

  it('expires a sign-up left unconfirmed for 48 hours and gives its seat to the first person waiting', async () => {
    const startsAt = hoursFromNow(24 * 9);
    const event = await createEvent({ startsAt, endsAt: hoursFromNow(24 * 9 + 2), capacity: 1, waitlist: true });
    const forgetful = nextEmail('zapominalski');
    expect((await signUp(event.documentId, krakowDate(startsAt), { email: forgetful })).body.result).toBe('check_email');
    const waiting = await confirmedSignUp(event.documentId, startsAt);
    expect((await registrationsOf(event.documentId)).map((r) => [r.email, r.state, r.holdsSeat])).toEqual([
      [forgetful, 'awaiting_confirmation', true],
      [waiting, 'waitlisted', false],
    ]);

    // 47 hours on nothing happens; 49 hours on the seat is free and goes to the waiting list.
    await tick(new Date(Date.now() + 47 * 3_600_000));
    expect((await registrationsOf(event.documentId)).map((r) => r.state)).toEqual(['awaiting_confirmation', 'waitlisted']);
    const report = await tick(new Date(Date.now() + 49 * 3_600_000));
    expect(report.expired).toBeGreaterThanOrEqual(1);
    expect((await registrationsOf(event.documentId)).map((r) => [r.email, r.state, r.holdsSeat])).toEqual([
      [forgetful, 'expired', false],
      [waiting, 'confirmed', true],
    ]);
    await mailTo(waiting, /^Zwolniło się miejsce/);
    // An expired link is no longer a way in.
    const request = await mailTo(forgetful, /^Potwierdź zapis/);
    expect(await (await post('/api/signups/confirm', { token: tokenOf(linkIn(request, 'confirm')) })).json()).toMatchObject({ result: 'not_cancellable' });
  });

  it('erases the personal data 30 days after the date and keeps only the counts', async () => {
    const startsAt = hoursFromNow(24 * 11);
    const event = await createEvent({ startsAt, endsAt: hoursFromNow(24 * 11 + 2), capacity: 2, waitlist: true });
    const kept = await confirmedSignUp(event.documentId, startsAt, nextEmail('ania'));
    const leaving = await confirmedSignUp(event.documentId, startsAt, nextEmail('bartek'));
    await confirmedSignUp(event.documentId, startsAt, nextEmail('celina'));
    const goodbye = await mailTo(leaving, /^Zapis potwierdzony/);
    expect(await (await post('/api/signups/cancel', { token: tokenOf(linkIn(goodbye, 'cancel')) })).json()).toMatchObject({ result: 'cancelled' });
    expect((await registrationsOf(event.documentId)).map((r) => r.state).sort()).toEqual(['cancelled', 'confirmed', 'confirmed']);

    // 29 days after the date, the people are still there; 31 days after, only numbers are.
    const date = Date.parse(startsAt);
    await tick(new Date(date + 29 * 86_400_000));
    expect(await registrationsOf(event.documentId)).toHaveLength(3);
    const report = await tick(new Date(date + 31 * 86_400_000));
    expect(report.erased).toBeGreaterThanOrEqual(3);
    expect(await registrationsOf(event.documentId)).toEqual([]);

    const query = new URLSearchParams({ 'filters[eventDocumentId][$eq]': event.documentId });
    const { status, body } = await call<{ results: Record<string, unknown>[] }>('GET', `/content-manager/collection-types/api::registration-tally.registration-tally?${query}`, { auth: 'admin' });
    expect(status).toBe(200);
    expect(body.results).toEqual([
      expect.objectContaining({ occurrenceDate: krakowDate(startsAt), registered: 2, attended: 0, noShow: 0, cancelled: 1, waitlisted: 0, rejected: 0, expired: 0 }),
    ]);
    expect(JSON.stringify(body.results)).not.toContain(kept);

    // The links in old mails lead nowhere now, and say so.
    expect(await (await post('/api/signups/cancel', { token: tokenOf(linkIn(goodbye, 'cancel')) })).json()).toMatchObject({ result: 'unknown_link' });
  });
});
