/**
 * One run of the public forms' periodic work (expiry, reminders, erasure) outside the cron, e.g.
 * after the CMS was down for a while, or by the tests on a chosen clock:
 *   node dist/scripts/registrations-tick.js [--now 2027-01-20T08:00:00Z]
 * Prints what it did as JSON. Takes the same database lock as the cron task.
 */
import { runScript, withStrapi } from './load-strapi';
import { runTimedWork } from '../src/timed-work/run';

function nowFromArgs(args: string[]): Date {
  const at = args.indexOf('--now');
  if (at === -1) return new Date();
  const value = args[at + 1] ?? '';
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new Error(`--now takes an ISO date and time (e.g. 2027-01-20T08:00:00Z), not "${value}".`);
  return now;
}

runScript(async () => {
  const now = nowFromArgs(process.argv.slice(2));
  const report = await withStrapi((strapi) => runTimedWork(strapi, now));
  process.stdout.write(`${JSON.stringify(report ?? { skipped: 'another CMS instance is running this work now' })}\n`);
});
