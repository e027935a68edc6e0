/**
 * Guide feedback as database work: one row of counts per guide, guide version (its update time)
 * and day in Kraków, added to under that row's lock so that simultaneous answers are all counted;
 * comments as rows of their own. Nothing about the reader is stored.
 */
import type { Core } from '@strapi/strapi';
import type { Language } from '../languages/locales';
import { DateTime } from 'luxon';
import { FEEDBACK_REASONS, NEEDS_IMPROVEMENT_MIN_VOTES, NEEDS_IMPROVEMENT_SHARE, type FeedbackReason } from '../shared/guide-feedback';
import { withKeyLock } from '../public-forms/lock';
import { TIME_ZONE } from '../shared/recurrence';
import { isoTime, isRecord } from '../validation/write-shapes';
import type { FeedbackDecision } from './rules';

export const FEEDBACK = 'api::guide-feedback.guide-feedback';
export const COMMENT = 'api::guide-comment.guide-comment';
const GUIDE = 'api::guide.guide';

/** The count column of each reason. */
export const REASON_FIELDS: Record<FeedbackReason, 'missingInformation' | 'outOfDate' | 'hardToFollow' | 'brokenLink' | 'otherReason'> = {
  missing_information: 'missingInformation',
  out_of_date: 'outOfDate',
  hard_to_follow: 'hardToFollow',
  broken_link: 'brokenLink',
  other: 'otherReason',
};

export interface RatedGuide {
  documentId: string;
  title: string;
  /** The published version's update time: answers are counted per version. */
  updatedAt: string;
  slug: string;
  topicSlug: string | null;
}

/** The published guide a form names, with what feedback needs of it; null when there is none. */
export async function loadGuide(strapi: Core.Strapi, documentId: string): Promise<RatedGuide | null> {
  const found: unknown = await strapi.documents(GUIDE).findOne({ documentId, status: 'published', fields: ['title', 'slug', 'updatedAt'], populate: { category: { fields: ['slug'] } } });
  if (!found) return null;
  if (!isRecord(found) || typeof found.title !== 'string' || typeof found.slug !== 'string' || typeof found.updatedAt !== 'string') {
    throw new Error(`Guide feedback: guide ${documentId} came back without a title, slug or update time.`);
  }
  const category = isRecord(found.category) && typeof found.category.slug === 'string' ? found.category.slug : null;
  return { documentId, title: found.title, updatedAt: found.updatedAt, slug: found.slug, topicSlug: category };
}

/** The address of a guide's published translation; null when it has none in that language (or the language is Polish). */
export async function translatedGuideSlug(strapi: Core.Strapi, documentId: string, language: Language): Promise<string | null> {
  if (language === 'pl') return null;
  const found: unknown = await strapi.documents(GUIDE).findOne({ documentId, locale: language, status: 'published', fields: ['slug'] });
  return isRecord(found) && typeof found.slug === 'string' ? found.slug : null;
}

export const krakowDay = (at: Date): string => DateTime.fromJSDate(at, { zone: TIME_ZONE }).toISODate()!;

type Counts = Record<'helpful' | 'notHelpful' | (typeof REASON_FIELDS)[FeedbackReason], number>;
const ZERO: Counts = { helpful: 0, notHelpful: 0, missingInformation: 0, outOfDate: 0, hardToFollow: 0, brokenLink: 0, otherReason: 0 };
const asCount = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));

/** Adds what a decision counts to the guide's row of the day (and keeps its comment). */
export async function record(strapi: Core.Strapi, guide: RatedGuide, count: NonNullable<FeedbackDecision['count']>, now: Date): Promise<void> {
  const day = krakowDay(now);
  const version = new Date(guide.updatedAt);
  const add: Counts = { ...ZERO };
  if (count.helpful === true) add.helpful = 1;
  if (count.helpful === false) add.notHelpful = 1;
  for (const reason of count.reasons) add[REASON_FIELDS[reason]] = 1;

  await withKeyLock(strapi, `guide-feedback:${guide.documentId}/${guide.updatedAt}/${day}`, async () => {
    const rows = strapi.db.query(FEEDBACK);
    const where = { guideDocumentId: guide.documentId, guideVersion: version, day };
    const existing: unknown = await rows.findOne({ where });
    if (isRecord(existing) && typeof existing.id === 'number') {
      const data = Object.fromEntries((Object.keys(add) as (keyof Counts)[]).map((field) => [field, asCount(existing[field]) + add[field]]));
      await rows.update({ where: { id: existing.id }, data: { ...data, guideTitle: guide.title } });
    } else {
      await rows.create({ data: { ...where, guideTitle: guide.title, ...add, publishedAt: now } });
    }
    if (count.comment) {
      await strapi.db.query(COMMENT).create({ data: { guideDocumentId: guide.documentId, guideTitle: guide.title, guideVersion: version, reasons: count.reasons, comment: count.comment, createdAt: now, updatedAt: now, publishedAt: now } });
    }
  });
}

export interface GuideComment {
  comment: string;
  reasons: FeedbackReason[];
  createdAt: string;
}

export interface GuideRating {
  guideDocumentId: string;
  title: string;
  helpful: number;
  notHelpful: number;
  votes: number;
  /** Share of "yes" answers, 0–1; null before the first answer. */
  share: number | null;
  /** Under 60 % helpful with at least 10 answers: shown first. */
  needsImprovement: boolean;
  reasons: Record<FeedbackReason, number>;
  /** The answers since the guide's latest version. */
  latestVersion: { updatedAt: string; helpful: number; notHelpful: number };
  lastDay: string;
  /** The newest few comments, newest first. */
  comments: GuideComment[];
}

export const needsImprovement = (helpful: number, votes: number): boolean => votes >= NEEDS_IMPROVEMENT_MIN_VOTES && helpful / votes < NEEDS_IMPROVEMENT_SHARE;

/** Needing improvement first (worst share first), then the rest by share, then by how many answered. */
export function rank(ratings: GuideRating[]): GuideRating[] {
  return [...ratings].sort(
    (a, b) => Number(b.needsImprovement) - Number(a.needsImprovement) || (a.share ?? 1) - (b.share ?? 1) || b.votes - a.votes || a.title.localeCompare(b.title, 'pl'),
  );
}

/** Every rated guide with its totals, reasons and newest comments, ranked for the editors' view. */
export async function ratings(strapi: Core.Strapi, commentsPerGuide = 3): Promise<GuideRating[]> {
  const rows: unknown[] = await strapi.db.query(FEEDBACK).findMany({ orderBy: [{ day: 'asc' }, { id: 'asc' }] });
  const byGuide = new Map<string, GuideRating>();
  for (const row of rows) {
    if (!isRecord(row) || typeof row.guideDocumentId !== 'string') throw new Error(`Guide feedback: a row without a guide: ${JSON.stringify(row)}`);
    const version = isoTime(row.guideVersion);
    const rating = byGuide.get(row.guideDocumentId) ?? {
      guideDocumentId: row.guideDocumentId,
      title: String(row.guideTitle),
      helpful: 0,
      notHelpful: 0,
      votes: 0,
      share: null,
      needsImprovement: false,
      reasons: Object.fromEntries(Object.keys(FEEDBACK_REASONS).map((reason) => [reason, 0])) as Record<FeedbackReason, number>,
      latestVersion: { updatedAt: version, helpful: 0, notHelpful: 0 },
      lastDay: String(row.day),
      comments: [],
    };
    rating.title = String(row.guideTitle);
    rating.helpful += asCount(row.helpful);
    rating.notHelpful += asCount(row.notHelpful);
    for (const [reason, field] of Object.entries(REASON_FIELDS) as [FeedbackReason, string][]) rating.reasons[reason] += asCount(row[field]);
    if (Date.parse(version) > Date.parse(rating.latestVersion.updatedAt)) rating.latestVersion = { updatedAt: version, helpful: 0, notHelpful: 0 };
    if (version === rating.latestVersion.updatedAt) {
      rating.latestVersion.helpful += asCount(row.helpful);
      rating.latestVersion.notHelpful += asCount(row.notHelpful);
    }
    rating.lastDay = String(row.day);
    byGuide.set(row.guideDocumentId, rating);
  }
  for (const rating of byGuide.values()) {
    rating.votes = rating.helpful + rating.notHelpful;
    rating.share = rating.votes > 0 ? rating.helpful / rating.votes : null;
    rating.needsImprovement = needsImprovement(rating.helpful, rating.votes);
  }
  const comments: unknown[] = await strapi.db.query(COMMENT).findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: Math.max(200, byGuide.size * commentsPerGuide) });
  for (const row of comments) {
    if (!isRecord(row) || typeof row.guideDocumentId !== 'string') throw new Error(`Guide feedback: a comment without a guide: ${JSON.stringify(row)}`);
    const rating = byGuide.get(row.guideDocumentId);
    if (!rating || rating.comments.length >= commentsPerGuide) continue;
    rating.comments.push({ comment: String(row.comment), reasons: Array.isArray(row.reasons) ? (row.reasons as FeedbackReason[]) : [], createdAt: isoTime(row.createdAt) });
  }
  return rank([...byGuide.values()]);
}
