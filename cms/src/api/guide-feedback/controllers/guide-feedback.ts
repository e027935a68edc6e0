/**
 * POST /api/guide-feedback: the guide page's form. Answers with a redirect (303) to a page of
 * the site — a thank-you page, or the guide's "what can we improve?" section after a "no" — or
 * with JSON to a client that asks for it. Only the fields feedback/rules.ts names are read.
 */
import type { Core } from '@strapi/strapi';
import { decide, parseFeedback, RATED_COOKIE, readRated, writeRated } from '../../../feedback/rules';
import { loadGuide, record, translatedGuideSlug } from '../../../feedback/service';
import { formSettings } from '../../../public-forms/settings';
import { createLimiter, type Limiter } from '../../../public-forms/rate-limit';
import { DETAILS_ANCHOR, FEEDBACK_RESULT_PAGES, feedbackResultPath, guidePath, type FeedbackResultCode } from '../../../shared/guide-feedback';
import { languageOfForm, sitePathIn } from '../../../languages/words';
import { answerWith, redirectOrJson, type FormContext } from '../../../public-forms/respond';
import { isRecord } from '../../../validation/write-shapes';

type Context = FormContext & {
  request: { body?: unknown; ip: string; secure: boolean };
  cookies: { get(name: string): string | undefined; set(name: string, value: string, options: Record<string, unknown>): void };
};

const YEAR_MS = 365 * 24 * 3600 * 1000;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let limiter: Limiter | null = null;
  const limits = (): Limiter => (limiter ??= createLimiter('guide-feedback', { perIp: (strapi.config.get('feedback') as { rateLimitPerIp: number }).rateLimitPerIp, perEmail: 1 }));
  const answerIn = answerWith(FEEDBACK_RESULT_PAGES, feedbackResultPath, () => formSettings(strapi).siteUrl);

  return {
    async submit(ctx: Context) {
      // The answer page, and after "Nie" the way back to the guide, in the language of the page the form was on.
      const language = languageOfForm(isRecord(ctx.request.body) ? ctx.request.body.language : undefined);
      const answer = (context: Context, code: FeedbackResultCode, extra?: Record<string, unknown>) => answerIn(context, code, extra, language);
      if (!(await limits().allow('feedback', ctx.request.ip))) return answer(ctx, 'rate_limited');
      const parsed = parseFeedback(isRecord(ctx.request.body) ? ctx.request.body : {});
      // A filled honeypot gets the answer of a success: nothing was counted.
      if (!parsed.ok) return 'bot' in parsed ? answer(ctx, 'thanks') : answer(ctx, parsed.code, { field: parsed.field });
      const guide = await loadGuide(strapi, parsed.value.guideDocumentId);
      if (!guide) return answer(ctx, 'unknown_guide');

      const rated = readRated(ctx.cookies.get(RATED_COOKIE));
      const decision = decide(parsed.value, rated.get(guide.documentId));
      if (decision.count) await record(strapi, guide, decision.count, new Date());
      if (decision.state) {
        rated.delete(guide.documentId);
        rated.set(guide.documentId, decision.state);
        // Over HTTPS the cookie also travels when the site is on another domain than the CMS.
        const secure = ctx.request.secure;
        ctx.cookies.set(RATED_COOKIE, writeRated(rated), { httpOnly: true, secure, sameSite: secure ? 'none' : 'lax', path: '/api/guide-feedback', maxAge: YEAR_MS, overwrite: true, signed: false });
      }
      if (decision.result !== 'ask_details') return answer(ctx, decision.result);

      // "No": the guide page asks what to improve, in the section the address points to.
      // The guide's page in the form's language (its translation), else the Polish page.
      const translated = await translatedGuideSlug(strapi, guide.documentId, language);
      const page = translated ? sitePathIn(guidePath(guide.topicSlug, translated), language) : guidePath(guide.topicSlug, guide.slug);
      const back = `${formSettings(strapi).siteUrl}${page}#${DETAILS_ANCHOR}`;
      redirectOrJson(ctx, back, { status: 200, body: { result: 'ask_details', message: 'Dziękujemy. Co możemy poprawić?', location: back } });
    },
  };
};
