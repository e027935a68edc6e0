import { describe, expect, it } from 'vitest';
import { decide, parseFeedback, RATED_MAX, readRated, writeRated, type FeedbackInput, type RatedState } from '../../cms/src/feedback/rules';
import { needsImprovement, rank, type GuideRating } from '../../cms/src/feedback/service';
import { FEEDBACK_REASONS, FEEDBACK_RESULT_PAGES, guidePath } from '../../cms/src/shared/guide-feedback';
import { RESULT_PAGES } from '../../cms/src/shared/signup-results';

const GUIDE = 'guidedocumentid000000001';

describe('the feedback form', () => {
  it('reads a "yes" and leaves out reasons and a comment sent with it', () => {
    expect(parseFeedback({ guide: GUIDE, helpful: 'tak', reasons: 'out_of_date', comment: 'x', website: '' })).toEqual({ ok: true, value: { guideDocumentId: GUIDE, helpful: true, reasons: [], comment: null } });
  });

  it('reads a "no" with reasons in the form\'s order, once each, and a trimmed comment with its line breaks', () => {
    expect(parseFeedback({ guide: GUIDE, helpful: 'nie', reasons: ['broken_link', 'out_of_date', 'broken_link'], comment: ' Pierwsza linia\r\ndruga. ' })).toEqual({
      ok: true,
      value: { guideDocumentId: GUIDE, helpful: false, reasons: ['out_of_date', 'broken_link'], comment: 'Pierwsza linia\ndruga.' },
    });
  });

  it('reads reasons alone as the details of an earlier "no"', () => {
    expect(parseFeedback({ guide: GUIDE, reasons: 'other' })).toEqual({ ok: true, value: { guideDocumentId: GUIDE, helpful: null, reasons: ['other'], comment: null } });
  });

  it.each([
    [{ helpful: 'tak' }, 'invalid_guide', 'guide'],
    [{ guide: 'ZŁY', helpful: 'tak' }, 'invalid_guide', 'guide'],
    [{ guide: GUIDE, helpful: 'yes' }, 'invalid_answer', 'helpful'],
    [{ guide: GUIDE, helpful: 'nie', reasons: ['other', 'boring'] }, 'invalid_reason', 'reasons'],
    [{ guide: GUIDE, helpful: 'nie', reasons: [{ evil: true }] }, 'invalid_reason', 'reasons'],
    [{ guide: GUIDE, helpful: 'nie', comment: 'a'.repeat(1001) }, 'invalid_comment', 'comment'],
    [{ guide: GUIDE, helpful: 'nie', comment: 'a\u0000b' }, 'invalid_comment', 'comment'],
    [{ guide: GUIDE }, 'missing_details', 'reasons'],
    [{ guide: GUIDE, comment: '   ' }, 'missing_details', 'reasons'],
  ])('refuses %j as %s, naming the field', (body, code, field) => {
    expect(parseFeedback(body)).toEqual({ ok: false, code, field });
  });

  it('takes a comment of exactly 1,000 characters', () => {
    expect(parseFeedback({ guide: GUIDE, helpful: 'nie', comment: 'ą'.repeat(1000) }).ok).toBe(true);
  });

  it('recognises a filled honeypot before anything else', () => {
    expect(parseFeedback({ guide: 'zły', website: 'x' })).toEqual({ ok: false, bot: true });
  });
});

describe('one answer per browser', () => {
  const yes: FeedbackInput = { guideDocumentId: GUIDE, helpful: true, reasons: [], comment: null };
  const no: FeedbackInput = { guideDocumentId: GUIDE, helpful: false, reasons: [], comment: null };
  const noWithReasons: FeedbackInput = { ...no, reasons: ['out_of_date'], comment: 'Stare dane.' };
  const detailsOnly: FeedbackInput = { ...noWithReasons, helpful: null };

  it('counts a first answer and remembers it', () => {
    expect(decide(yes, undefined)).toEqual({ result: 'thanks', count: { helpful: true, reasons: [], comment: null }, state: 'yes' });
    expect(decide(no, undefined)).toEqual({ result: 'ask_details', count: { helpful: false, reasons: [], comment: null }, state: 'no' });
    expect(decide(noWithReasons, undefined)).toEqual({ result: 'thanks_details', count: { helpful: false, reasons: ['out_of_date'], comment: 'Stare dane.' }, state: 'details' });
  });

  it.each<RatedState>(['yes', 'no', 'details'])('counts no second answer after "%s"', (before) => {
    expect(decide(yes, before)).toEqual({ result: 'already_rated', count: null, state: null });
    expect(decide(noWithReasons, before)).toEqual({ result: 'already_rated', count: null, state: null });
  });

  it('takes the details once, after a "no" or from a browser that keeps no cookies', () => {
    expect(decide(detailsOnly, 'no')).toEqual({ result: 'thanks_details', count: { helpful: null, reasons: ['out_of_date'], comment: 'Stare dane.' }, state: 'details' });
    expect(decide(detailsOnly, undefined).result).toBe('thanks_details');
    expect(decide(detailsOnly, 'details').result).toBe('already_rated');
    expect(decide(detailsOnly, 'yes').result).toBe('already_rated');
  });

  it('keeps guide ids and letters in the cookie, and only the newest entries', () => {
    const rated = readRated(`${GUIDE}.y_otherguide00000000000001.d_<script>.y_bad`);
    expect([...rated]).toEqual([[GUIDE, 'yes'], ['otherguide00000000000001', 'details']]);
    expect(writeRated(rated)).toBe(`${GUIDE}.y_otherguide00000000000001.d`);
    const many = new Map(Array.from({ length: RATED_MAX + 20 }, (_, i) => [`guide${String(i).padStart(19, '0')}`, 'no' as RatedState]));
    const written = writeRated(many);
    expect(readRated(written).size).toBe(RATED_MAX);
    expect(written.startsWith('guide0000000000000000020.n')).toBe(true);
    expect(written.length).toBeLessThan(4000);
    expect(readRated(undefined).size).toBe(0);
  });
});

describe('the editors\' ranking', () => {
  const rating = (id: string, helpful: number, notHelpful: number): GuideRating => ({
    guideDocumentId: id,
    title: id,
    helpful,
    notHelpful,
    votes: helpful + notHelpful,
    share: helpful + notHelpful ? helpful / (helpful + notHelpful) : null,
    needsImprovement: needsImprovement(helpful, helpful + notHelpful),
    reasons: { missing_information: 0, out_of_date: 0, hard_to_follow: 0, broken_link: 0, other: 0 },
    latestVersion: { updatedAt: '2026-12-01T10:00:00.000Z', helpful, notHelpful },
    lastDay: '2026-12-05',
    comments: [],
  });

  it('needs improvement under 60 % helpful from 10 answers on', () => {
    expect(needsImprovement(5, 10)).toBe(true);
    expect(needsImprovement(6, 10)).toBe(false);
    expect(needsImprovement(0, 9)).toBe(false);
  });

  it('lists guides that need improvement first, worst first, then the rest by share', () => {
    const ranked = rank([rating('mocny', 20, 0), rating('malo-glosow', 0, 3), rating('slaby', 5, 10), rating('bardzo-slaby', 1, 12), rating('sredni', 7, 3)]);
    expect(ranked.map((r) => r.guideDocumentId)).toEqual(['bardzo-slaby', 'slaby', 'malo-glosow', 'sredni', 'mocny']);
  });
});

describe('result pages', () => {
  it('gives every answer its own page, none shared with the sign-up pages', () => {
    const slugs = Object.values(FEEDBACK_RESULT_PAGES).map((page) => page.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const page of Object.values(FEEDBACK_RESULT_PAGES)) expect(page.message.length).toBeGreaterThan(10);
    expect(Object.values(RESULT_PAGES).map((page) => page.slug).filter((slug) => slugs.includes(slug))).toEqual([]);
    expect(Object.keys(FEEDBACK_REASONS)).toHaveLength(5);
  });

  it('sends a "no" back to the guide under its topic, or under "inne" without one', () => {
    expect(guidePath('finanse', 'sprawozdania')).toBe('/baza-wiedzy/finanse/sprawozdania/');
    expect(guidePath(null, 'sprawozdania')).toBe('/baza-wiedzy/inne/sprawozdania/');
  });
});
