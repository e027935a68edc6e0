/**
 * "Was this guide helpful?" as pure rules: what the form may send (whitelisted), what one browser
 * has already said (a cookie that lists guides, never an identifier), and what a post counts.
 * No personal data is involved: the CMS stores counts per guide and day, and the comments.
 */
import { COMMENT_MAX, FEEDBACK_REASONS, type FeedbackReason, type FeedbackResultCode } from '../shared/guide-feedback';
import { CONTROL_IN_TEXT, DOCUMENT_ID, formText, honeypotFilled } from '../public-forms/form-fields';

export const REASONS = Object.keys(FEEDBACK_REASONS) as FeedbackReason[];

export interface FeedbackInput {
  guideDocumentId: string;
  /** The answer to the question; null when the post only adds reasons to an earlier "no". */
  helpful: boolean | null;
  reasons: FeedbackReason[];
  comment: string | null;
}

export type ParsedFeedback = { ok: true; value: FeedbackInput } | { ok: false; code: FeedbackResultCode; field: string } | { ok: false; bot: true };

/** The feedback form, field by field: `guide`, `helpful` (tak / nie), `reasons`, `comment`, the honeypot. */
export function parseFeedback(body: Record<string, unknown>): ParsedFeedback {
  if (honeypotFilled(body)) return { ok: false, bot: true };
  const guide = formText(body, 'guide');
  if (!DOCUMENT_ID.test(guide)) return { ok: false, code: 'invalid_guide', field: 'guide' };
  const answer = formText(body, 'helpful');
  if (answer !== '' && answer !== 'tak' && answer !== 'nie') return { ok: false, code: 'invalid_answer', field: 'helpful' };
  const raw = body.reasons === undefined ? [] : Array.isArray(body.reasons) ? body.reasons : [body.reasons];
  if (!raw.every((reason): reason is string => typeof reason === 'string' && (REASONS as string[]).includes(reason))) return { ok: false, code: 'invalid_reason', field: 'reasons' };
  const comment = formText(body, 'comment').replace(/\r\n?/g, '\n');
  if (comment.length > COMMENT_MAX || CONTROL_IN_TEXT.test(comment)) return { ok: false, code: 'invalid_comment', field: 'comment' };
  const helpful = answer === '' ? null : answer === 'tak';
  const reasons = REASONS.filter((reason) => raw.includes(reason));
  // Reasons explain a "no"; with "yes" they are left out rather than counted against the guide.
  if (helpful === true) return { ok: true, value: { guideDocumentId: guide, helpful, reasons: [], comment: null } };
  if (helpful === null && reasons.length === 0 && comment === '') return { ok: false, code: 'missing_details', field: 'reasons' };
  return { ok: true, value: { guideDocumentId: guide, helpful, reasons, comment: comment || null } };
}

/**
 * What this browser said about each guide, kept in a cookie of the CMS: "yes", "no", or "no, and
 * what to improve". It holds guide ids and these letters only — no identifier of the browser —
 * and its most recent entries, so it stays far below the 4 kB browsers keep.
 */
export type RatedState = 'yes' | 'no' | 'details';
export const RATED_COOKIE = 'co_oceny';
export const RATED_MAX = 100;
const LETTER: Record<RatedState, string> = { yes: 'y', no: 'n', details: 'd' };
const STATE: Record<string, RatedState> = { y: 'yes', n: 'no', d: 'details' };

export function readRated(value: string | undefined): Map<string, RatedState> {
  const rated = new Map<string, RatedState>();
  for (const entry of (value ?? '').split('_')) {
    const match = /^([a-z0-9]{10,40})\.([ynd])$/.exec(entry);
    if (match) rated.set(match[1]!, STATE[match[2]!]!);
  }
  return rated;
}

export function writeRated(rated: Map<string, RatedState>): string {
  return [...rated].slice(-RATED_MAX).map(([guide, state]) => `${guide}.${LETTER[state]}`).join('_');
}

/** What one post changes: the counts to add, whether to keep the comment, and the answer. */
export interface FeedbackDecision {
  result: FeedbackResultCode | 'ask_details';
  count: { helpful: boolean | null; reasons: FeedbackReason[]; comment: string | null } | null;
  /** The browser's new state for the guide; null leaves the cookie as it was. */
  state: RatedState | null;
}

/**
 * One vote per browser and guide: an answer counts when the browser has not answered yet. A "no"
 * without reasons asks for them on the guide page; reasons alone are taken once, after a "no" —
 * or when the browser keeps no cookies, where we cannot tell (the rate limit still holds).
 */
export function decide(input: FeedbackInput, before: RatedState | undefined): FeedbackDecision {
  const details = input.reasons.length > 0 || input.comment !== null;
  if (input.helpful !== null) {
    if (before) return { result: 'already_rated', count: null, state: null };
    if (input.helpful) return { result: 'thanks', count: { helpful: true, reasons: [], comment: null }, state: 'yes' };
    return details
      ? { result: 'thanks_details', count: { helpful: false, reasons: input.reasons, comment: input.comment }, state: 'details' }
      : { result: 'ask_details', count: { helpful: false, reasons: [], comment: null }, state: 'no' };
  }
  if (before === 'yes' || before === 'details') return { result: 'already_rated', count: null, state: null };
  return { result: 'thanks_details', count: { helpful: null, reasons: input.reasons, comment: input.comment }, state: 'details' };
}
