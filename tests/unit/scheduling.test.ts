import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/paths.ts';
import { CONTENT_TYPE_LABELS } from '../../cms/src/content/labels';
import {
  DEFAULT_CRON_RULE,
  SCHEDULED_TYPES,
  SCHEDULE_FIELD,
  checkSchedulable,
  dropInheritedSchedule,
  endScheduleOnPublishingWrite,
  parseCronRule,
} from '../../cms/src/scheduling/schedule';
import { publishDue, publishEndingSchedule, scheduledPublishingTasks } from '../../cms/src/scheduling/publish-due';

const paths = (errors: { path: string[] }[]) => errors.map((e) => e.path.join('.'));

describe('the publishAt field', () => {
  const apiDir = path.join(CMS_DIR, 'src', 'api');
  const schemas = Object.fromEntries(
    // An API of routes only (org-join-request) has no content type.
    readdirSync(apiDir).filter((name) => existsSync(path.join(apiDir, name, 'content-types', name, 'schema.json'))).map((name) => [
      `api::${name}.${name}`,
      JSON.parse(readFileSync(path.join(apiDir, name, 'content-types', name, 'schema.json'), 'utf8')) as { options: { draftAndPublish?: boolean }; attributes: Record<string, { type: string }> },
    ]),
  );

  it('is an optional datetime on every scheduled type, just before SEO, and on no other type', () => {
    for (const [uid, schema] of Object.entries(schemas)) {
      const names = Object.keys(schema.attributes);
      if ((SCHEDULED_TYPES as readonly string[]).includes(uid)) {
        expect(schema.options.draftAndPublish, uid).toBe(true);
        // Shared by every language of a translated type: one entry, one time.
        const { pluginOptions, ...attribute } = schema.attributes[SCHEDULE_FIELD] as { pluginOptions?: unknown };
        expect(attribute, uid).toEqual({ type: 'datetime' });
        if (pluginOptions !== undefined) expect(pluginOptions, uid).toEqual({ i18n: { localized: false } });
        expect(names.indexOf(SCHEDULE_FIELD), uid).toBe(names.indexOf('seo') - 1);
      } else {
        expect(names, uid).not.toContain(SCHEDULE_FIELD);
      }
    }
  });

  it('has the same Polish label and hint everywhere', () => {
    for (const uid of SCHEDULED_TYPES) {
      expect(CONTENT_TYPE_LABELS[uid]?.[SCHEDULE_FIELD]?.label, uid).toBe('Opublikuj automatycznie');
      expect(CONTENT_TYPE_LABELS[uid]?.[SCHEDULE_FIELD]?.description, uid).toMatch(/czasu krakowskiego.*Zapisz/);
    }
  });
});

describe('parseCronRule (SCHEDULED_PUBLISHING_CRON)', () => {
  it('defaults to every minute', () => {
    expect(parseCronRule(undefined)).toBe(DEFAULT_CRON_RULE);
    expect(parseCronRule('  ')).toBe('*/1 * * * *');
  });

  it('accepts five fields, or six with seconds first', () => {
    expect(parseCronRule('*/5 * * * *')).toBe('*/5 * * * *');
    expect(parseCronRule(' */2  * * * * * ')).toBe('*/2 * * * * *');
    expect(parseCronRule('0 6-22 * * MON-FRI')).toBe('0 6-22 * * MON-FRI');
  });

  it('refuses anything else, naming the variable', () => {
    for (const wrong of ['every minute', '* * * *', '* * * * * * *', '*/1 * * * ;rm', '1m']) {
      expect(() => parseCronRule(wrong), wrong).toThrow(/SCHEDULED_PUBLISHING_CRON=.*is not a cron rule/);
    }
  });
});

describe('checkSchedulable', () => {
  const attributes = {
    title: { type: 'string', required: true },
    body: { type: 'richtext', required: true },
    audience: { type: 'enumeration', required: true, default: 'everyone' },
    category: { type: 'relation', required: true },
    author: { type: 'string' },
    publishAt: { type: 'datetime' },
  };

  it('asks nothing of an entry without a schedule', () => {
    expect(checkSchedulable('api::guide.guide', attributes, { title: '' })).toEqual([]);
  });

  it('names every required field a scheduled entry leaves empty, except those Strapi fills or checks itself', () => {
    const errors = checkSchedulable('api::guide.guide', attributes, { title: 'Poradnik', body: '  ', publishAt: '2026-12-01T09:00:00.000Z' });
    expect(paths(errors)).toEqual(['body']);
    expect(errors[0]!.message).toMatch(/^Treść \(body\): .*Opublikuj automatycznie/);
    expect(checkSchedulable('api::guide.guide', attributes, { title: 'Poradnik', body: 'Treść.', publishAt: '2026-12-01T09:00:00.000Z' })).toEqual([]);
  });
});

describe('a duplicate and the schedule', () => {
  const source = { publishAt: '2026-12-01T09:00:00.000Z' };

  it('does not inherit the source’s time, whatever shape the form or database gives it', () => {
    for (const given of [undefined, '2026-12-01T09:00:00.000Z', '2026-12-01T10:00:00+01:00', new Date('2026-12-01T09:00:00Z')]) {
      const data: Record<string, unknown> = given === undefined ? {} : { publishAt: given };
      dropInheritedSchedule(data, source);
      expect(data.publishAt, String(given)).toBeNull();
    }
    const fromDatabase: Record<string, unknown> = { publishAt: '2026-12-01T09:00:00.000Z' };
    dropInheritedSchedule(fromDatabase, { publishAt: Date.parse('2026-12-01T09:00:00Z') });
    expect(fromDatabase.publishAt).toBeNull();
  });

  it('keeps a time the editor changed in the copy, and adds nothing when there is no schedule', () => {
    const changed: Record<string, unknown> = { publishAt: '2026-12-02T09:00:00.000Z' };
    dropInheritedSchedule(changed, source);
    expect(changed.publishAt).toBe('2026-12-02T09:00:00.000Z');
    const plain: Record<string, unknown> = { title: 'Kopia' };
    dropInheritedSchedule(plain, { publishAt: null });
    expect(plain).toEqual({ title: 'Kopia' });
  });
});

describe('endScheduleOnPublishingWrite', () => {
  it('clears a schedule that is sent or stored, and leaves other writes as they were', () => {
    const sent: Record<string, unknown> = { publishAt: '2026-12-01T09:00:00.000Z' };
    endScheduleOnPublishingWrite(sent, null);
    expect(sent.publishAt).toBeNull();
    const stored: Record<string, unknown> = { title: 'Nowy tytuł' };
    endScheduleOnPublishingWrite(stored, { publishAt: '2026-12-01T09:00:00.000Z' });
    expect(stored.publishAt).toBeNull();
    const plain: Record<string, unknown> = { title: 'Nowy tytuł' };
    endScheduleOnPublishingWrite(plain, { publishAt: null });
    expect(plain).toEqual({ title: 'Nowy tytuł' });
  });
});

/** A stand-in for the parts of Strapi the scheduler uses: due drafts per type, publish, the log. */
function fakeStrapi(due: Record<string, Record<string, unknown>[]>, refuse: Record<string, string> = {}) {
  const calls = { findMany: [] as { uid: string; params: unknown }[], published: [] as string[], updateMany: [] as unknown[], inTransaction: [] as boolean[] };
  const log = { info: [] as string[], error: [] as string[], debug: [] as string[] };
  let transactionOpen = false;
  const strapi = {
    contentTypes: {
      'api::article.article': { info: { displayName: 'Aktualność' } },
      'api::event.event': { info: { displayName: 'Wydarzenie' } },
      'api::page.page': { info: { displayName: 'Strona' } },
    },
    documents: (uid: string) => ({
      findMany: async (params: unknown) => {
        calls.findMany.push({ uid, params });
        return due[uid] ?? [];
      },
      publish: async ({ documentId }: { documentId: string }) => {
        if (refuse[documentId]) throw Object.assign(new Error(refuse[documentId]), { details: { errors: [{ path: ['cover'], message: refuse[documentId] }] } });
        calls.published.push(documentId);
        return { documentId, entries: [] };
      },
    }),
    db: {
      transaction: async <T>(work: () => Promise<T>) => {
        transactionOpen = true;
        try {
          return await work();
        } finally {
          transactionOpen = false;
        }
      },
      // The lease of scheduled publishing (public-forms/lock.ts): always free here.
      query: (uid: string) => uid === 'api::job-lock.job-lock' ? { findOne: async () => ({ name: 'scheduled-publishing' }), create: async () => ({}), updateMany: async () => ({ count: 1 }) } : ({
        updateMany: async (params: unknown) => {
          calls.updateMany.push(params);
          calls.inTransaction.push(transactionOpen);
          return { count: 1 };
        },
      }),
    },
    log: {
      info: (line: string) => log.info.push(line),
      error: (line: string) => log.error.push(line),
      debug: (line: string) => log.debug.push(line),
    },
  };
  return { strapi: strapi as unknown as Core.Strapi, calls, log };
}

describe('publishDue', () => {
  const now = new Date('2026-12-01T09:00:30.000Z');

  it('asks each scheduled type for drafts due by now, oldest first, and publishes them', async () => {
    const { strapi, calls, log } = fakeStrapi({
      'api::event.event': [{ documentId: 'ev1', title: 'Warsztaty', publishAt: '2026-12-01T09:00:00.000Z' }],
      'api::page.page': [{ documentId: 'pg1', title: 'Kontakt', publishAt: '2026-11-30T08:00:00.000Z' }],
    });
    const published = await publishDue(strapi, now, { reportedFailures: new Map() });
    expect(published).toEqual([
      { uid: 'api::event.event', documentId: 'ev1', title: 'Warsztaty' },
      { uid: 'api::page.page', documentId: 'pg1', title: 'Kontakt' },
    ]);
    expect(calls.findMany.map((c) => c.uid)).toEqual([...SCHEDULED_TYPES]);
    expect(calls.findMany[0]!.params).toMatchObject({
      status: 'draft',
      filters: { publishAt: { $notNull: true, $lte: '2026-12-01T09:00:30.000Z' } },
      sort: { publishAt: 'asc' },
    });
    // Organizations and rooms are listed by name.
    expect(calls.findMany.find((c) => c.uid === 'api::room.room')!.params).toMatchObject({ fields: ['name', 'publishAt'] });
    expect(log.info).toEqual([
      'Scheduled publishing: published Wydarzenie „Warsztaty” (api::event.event, documentId ev1, due 2026-12-01 10:00 Kraków time).',
      'Scheduled publishing: published Strona „Kontakt” (api::page.page, documentId pg1, due 2026-11-30 09:00 Kraków time).',
    ]);
  });

  it('logs an entry the CMS refuses, goes on with the others, and reports the same reason only once', async () => {
    const due = {
      'api::article.article': [{ documentId: 'bad', title: 'Bez opisu zdjęcia', publishAt: '2026-12-01T08:00:00.000Z' }],
      'api::event.event': [{ documentId: 'ok', title: 'Warsztaty', publishAt: '2026-12-01T08:30:00.000Z' }],
    };
    const reportedFailures = new Map<string, string>();
    const first = fakeStrapi(due, { bad: 'Zdjęcie główne (cover): brak tekstu alternatywnego' });
    expect((await publishDue(first.strapi, now, { reportedFailures })).map((p) => p.documentId)).toEqual(['ok']);
    expect(first.log.error).toHaveLength(1);
    expect(first.log.error[0]).toMatch(/could not publish Aktualność „Bez opisu zdjęcia” \(api::article\.article, documentId bad, due 2026-12-01 09:00 Kraków time\).*tried again.*tekstu alternatywnego \[fields: cover\]/);

    const again = fakeStrapi({ 'api::article.article': due['api::article.article'] }, { bad: 'Zdjęcie główne (cover): brak tekstu alternatywnego' });
    await publishDue(again.strapi, now, { reportedFailures });
    expect(again.log.error).toEqual([]);
    expect(again.log.debug).toHaveLength(1);

    // Once it is no longer failing (published, unscheduled, deleted), a new failure is logged again.
    await publishDue(fakeStrapi({}).strapi, now, { reportedFailures });
    expect(reportedFailures.size).toBe(0);
  });
});

describe('publishEndingSchedule', () => {
  it('clears the draft’s time inside the publication’s transaction, before publishing', async () => {
    const { strapi, calls } = fakeStrapi({});
    const order: string[] = [];
    const result = await publishEndingSchedule(strapi, 'api::guide.guide', 'doc1', async () => {
      order.push(`publish after ${calls.updateMany.length} update(s)`);
      return 'published';
    });
    expect(result).toBe('published');
    expect(order).toEqual(['publish after 1 update(s)']);
    expect(calls.updateMany).toEqual([{ where: { documentId: 'doc1', publishedAt: { $null: true }, publishAt: { $notNull: true } }, data: { publishAt: null } }]);
    expect(calls.inTransaction).toEqual([true]);
  });

  it('leaves types without a schedule alone', async () => {
    const { strapi, calls } = fakeStrapi({});
    await publishEndingSchedule(strapi, 'api::category.category', 'doc1', async () => 'published');
    await publishEndingSchedule(strapi, 'api::guide.guide', undefined, async () => 'published');
    expect(calls.updateMany).toEqual([]);
  });
});

describe('scheduledPublishingTasks', () => {
  it('has no task when switched off', () => {
    expect(scheduledPublishingTasks({ enabled: false, rule: DEFAULT_CRON_RULE })).toEqual({});
  });

  it('runs on the rule in Kraków time, and never twice at once', async () => {
    const tasks = scheduledPublishingTasks({ enabled: true, rule: '*/2 * * * * *' });
    const job = tasks.scheduledPublishing;
    if (!job || typeof job === 'function') throw new Error('expected a named task with options');
    expect(job.options).toEqual({ rule: '*/2 * * * * *', tz: 'Europe/Warsaw' });

    const { strapi, calls } = fakeStrapi({});
    const first = job.task({ strapi });
    const overlapping = job.task({ strapi });
    await Promise.all([first, overlapping]);
    expect(calls.findMany).toHaveLength(SCHEDULED_TYPES.length);
    await job.task({ strapi });
    expect(calls.findMany).toHaveLength(2 * SCHEDULED_TYPES.length);
  });

  it('logs a run that fails as a whole instead of throwing into the cron runner', async () => {
    const job = scheduledPublishingTasks({ enabled: true, rule: DEFAULT_CRON_RULE }).scheduledPublishing;
    if (!job || typeof job === 'function') throw new Error('expected a named task with options');
    const { strapi, log } = fakeStrapi({});
    (strapi as unknown as { documents: () => unknown }).documents = () => ({ findMany: async () => Promise.reject(new Error('database is locked')) });
    await job.task({ strapi });
    expect(log.error).toEqual(['Scheduled publishing: the run stopped before it went through every type: database is locked']);
  });
});
