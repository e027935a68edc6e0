/**
 * The periodic work of the public forms in one run (the cron task in cron.ts, or
 * `node dist/scripts/registrations-tick.js`). It lives outside the feature folders because it is
 * where they meet: each form's work stays in its own folder, and one lease in the database keeps
 * two CMS instances from running any of it twice.
 */
import type { Core } from '@strapi/strapi';
import { withJobLock } from '../public-forms/lock';
import { runSignUpTimedWork, type SignUpTimedReport } from '../registrations/timed';
import { runRoomRequestTimedWork, type RoomRequestTimedReport } from '../room-requests/timed';
import { runVolunteeringTimedWork, type VolunteeringTimedReport } from '../volunteering/timed';
import { runModerationDigest } from '../org-panel/moderation-mail';
import { forgetLapsed } from '../org-panel/access';
import { eraseDecidedSubmissions } from '../org-panel/submissions';

/**
 * The lease's name from when only sign-ups had periodic work: instances of an older and a newer
 * release, side by side during a deployment, must take the same one.
 */
const JOB = 'registrations';
/** Longer than a run takes; a crashed run's lock is free again after this. */
const LEASE_MS = 10 * 60_000;

/** How many editors got the digest of organisations' proposals waiting in "Zgłoszenia". */
export interface ModerationTimedReport {
  moderationDigestsSent: number;
  /** Used or lapsed sign-in links and ended sessions of the organisations' panel, deleted. */
  panelLinksForgotten: number;
  panelSessionsForgotten: number;
  /** Decided submissions whose sender (and a join request's contact person) were erased. */
  submissionsErased: number;
}

export type TimedReport = SignUpTimedReport & RoomRequestTimedReport & VolunteeringTimedReport & ModerationTimedReport;

/** One run of every form's periodic work, in one CMS instance at a time; null when another instance is at it. */
export async function runTimedWork(strapi: Core.Strapi, now = new Date()): Promise<TimedReport | null> {
  const outcome = await withJobLock(strapi, JOB, LEASE_MS, async () => ({
    ...(await runSignUpTimedWork(strapi, now)),
    ...(await runRoomRequestTimedWork(strapi, now)),
    ...(await runVolunteeringTimedWork(strapi, now)),
    moderationDigestsSent: await runModerationDigest(strapi, now),
    ...(await forgetLapsed(strapi, now).then(({ links, sessions }) => ({ panelLinksForgotten: links, panelSessionsForgotten: sessions }))),
    submissionsErased: await eraseDecidedSubmissions(strapi, now),
  }));
  return outcome.ran ? outcome.result : null;
}
