/**
 * The public volunteering routes (routes/public.ts). The offer page's form POSTs here and is
 * redirected (303) to a result page of the site; a client that asks for JSON gets the same answer
 * as JSON. Only the fields volunteering/rules.ts names are read from a request. The applicant's
 * links confirm and withdraw; the organisation's link answers.
 */
import type { Core } from '@strapi/strapi';
import { parseToken } from '../../../public-forms/form-fields';
import { formSettings } from '../../../public-forms/settings';
import { formRoute, serveLinkPage, type FormRequestContext } from '../../../public-forms/respond';
import { consentCheck } from '../../../public-forms/consent';
import { APPLICATION_RESULTS, applicationResultPath, type ApplicationResultCode } from '../../../shared/volunteer-application-results';
import { ageAllowed, answerTimeText, ANSWER_WINDOW_DAYS, ANSWERABLE, medianAnswerHours, parseAnswer, parseApplication, WITHDRAWABLE } from '../../../volunteering/rules';
import { answerPage, applicantLinkPage, composeOrganizationMail, mailApplicant, tellAfterChange, volunteeringSettings, type ApplicantLink } from '../../../volunteering/mail';
import { answerTimes, APPLICATION, findByToken, loadOffer, moveByToken, recruitmentSummary, submit, type Application, type LinkHolder } from '../../../volunteering/service';
import { sendMail } from '../../../mail/letter';
import { answerApplication, offerChanged as offerChangedFor } from '../../../volunteering/answer';

type Context = FormRequestContext;

/** Bigger than any honest form (the longest fields together are under 4 kB). */
const MAX_BODY_BYTES = 16 * 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = (): string => formSettings(strapi).siteUrl;
  const limitsOf = () => ({ perIp: volunteeringSettings(strapi).rateLimitPerIp, perEmail: volunteeringSettings(strapi).rateLimitPerEmail });
  const { limits, body, answer, postedToken: posted } = formRoute('volunteer-application', limitsOf, APPLICATION_RESULTS, applicationResultPath, siteUrl);

  const offerChanged = (offerDocumentId: string): Promise<void> => offerChangedFor(strapi, offerDocumentId);

  /** A link's page, or the result page to send the visitor to instead (e.g. an application answered already). */
  type LinkView = { html: string } | { result: ApplicationResultCode };

  async function linkGet(ctx: Context, holder: LinkHolder, page: (application: Application, token: string) => LinkView): Promise<void> {
    const token = parseToken(ctx.request.query);
    if (!token) return answer(ctx, 'invalid_token');
    const application = await findByToken(strapi, token, holder);
    if (!application) return answer(ctx, 'unknown_link');
    const view = page(application, token);
    if ('result' in view) return answer(ctx, view.result, undefined, application.language);
    serveLinkPage(ctx, view.html, siteUrl());
  }

  const postedToken = (ctx: Context, route: string): Promise<string | null> => posted(ctx, `volunteer-${route}`, (code) => answer(ctx, code));

  const applicantPage = (action: ApplicantLink) => (application: Application, token: string): LinkView => ({ html: applicantLinkPage(action, application, token, siteUrl()) });

  return {
    async submit(ctx: Context) {
      if ((ctx.request.length ?? 0) > MAX_BODY_BYTES) return answer(ctx, 'invalid_offer');
      const parsed = parseApplication(body(ctx), await consentCheck(strapi, 'volunteer-application'));
      if (!(await limits().allow('volunteer-application', ctx.request.ip, parsed.ok ? parsed.value.email : null))) return answer(ctx, 'rate_limited');
      if (!parsed.ok) {
        // A filled honeypot gets the answer of a success: nothing was stored or sent.
        if (parsed.bot) return answer(ctx, 'check_email');
        return answer(ctx, parsed.problems[0]!.code, { field: parsed.problems[0]!.field, problems: parsed.problems });
      }
      const input = parsed.value;
      const offer = await loadOffer(strapi, input.offerDocumentId);
      if (!offer) return answer(ctx, 'unknown_offer');
      if (!ageAllowed(input.age, offer.minimumAge)) return answer(ctx, 'too_young');
      const result = await submit(strapi, input, offer, new Date(), formSettings(strapi).secret);
      if (result.kind === 'closed') return answer(ctx, 'recruitment_closed');
      const { application } = result;
      // A repeat of a confirmed application gets the mail that carries its withdraw link again.
      const kind = application.state === 'awaiting_confirmation' ? 'confirm_application' : application.state === 'accepted' ? 'accepted' : 'submitted';
      try {
        await mailApplicant(strapi, kind, application, offer);
      } catch (error) {
        strapi.log.error(`Volunteering: the confirmation mail of application ${application.id} could not be sent (${error instanceof Error ? error.name : 'error'}).`);
        if (result.kind === 'created') await strapi.db.query(APPLICATION).delete({ where: { id: application.id, state: 'awaiting_confirmation' } });
        return answer(ctx, 'mail_failed');
      }
      return answer(ctx, result.kind === 'repeat' ? 'repeat' : 'check_email');
    },

    async confirmPage(ctx: Context) {
      return linkGet(ctx, 'applicant', applicantPage('confirm'));
    },

    async withdrawPage(ctx: Context) {
      return linkGet(ctx, 'applicant', applicantPage('withdraw'));
    },

    async answerPage(ctx: Context) {
      return linkGet(ctx, 'organization', (application, token) => (ANSWERABLE.includes(application.state) ? { html: answerPage(application, token, siteUrl()) } : { result: 'already_answered' }));
    },

    async confirm(ctx: Context) {
      const token = await postedToken(ctx, 'confirm');
      if (!token) return;
      const result = await moveByToken(strapi, token, 'applicant', ['awaiting_confirmation'], 'submitted', { confirmedAt: new Date() });
      if (result.kind === 'unknown') return answer(ctx, 'unknown_link');
      if (result.kind === 'refused') return answer(ctx, result.application.state === 'expired' ? 'expired' : result.application.state === 'withdrawn' ? 'withdrawn' : 'already');
      const { application } = result;
      const offer = await loadOffer(strapi, application.offerDocumentId);
      if (!offer) return answer(ctx, 'unknown_offer');
      const settings = formSettings(strapi);
      await tellAfterChange(strapi, 'new_application', application, () => sendMail(strapi, composeOrganizationMail('new_application', application, offer, settings)));
      await tellAfterChange(strapi, 'submitted', application, () => mailApplicant(strapi, 'submitted', application, offer));
      return answer(ctx, application.reserve ? 'reserve' : 'submitted');
    },

    async withdraw(ctx: Context) {
      const token = await postedToken(ctx, 'withdraw');
      if (!token) return;
      const result = await moveByToken(strapi, token, 'applicant', WITHDRAWABLE, 'withdrawn', {});
      if (result.kind === 'unknown') return answer(ctx, 'unknown_link');
      if (result.kind === 'refused') return answer(ctx, result.application.state === 'withdrawn' ? 'withdrawn' : 'not_withdrawable');
      const { application, before } = result;
      const offer = await loadOffer(strapi, application.offerDocumentId);
      if (offer) {
        // The organisation knew of it only once it was confirmed.
        if (before !== 'awaiting_confirmation') await tellAfterChange(strapi, 'withdrawn_organization', application, () => sendMail(strapi, composeOrganizationMail('withdrawn', application, offer, formSettings(strapi))));
        await tellAfterChange(strapi, 'withdrawn', application, () => mailApplicant(strapi, 'withdrawn', application, offer));
      }
      // An accepted volunteer leaving frees a place the offer page may have shown as taken.
      if (before === 'accepted') await offerChanged(application.offerDocumentId);
      return answer(ctx, 'withdrawn');
    },

    async answer(ctx: Context) {
      const token = await postedToken(ctx, 'answer');
      if (!token) return;
      const parsed = parseAnswer(body(ctx));
      if (!parsed.ok) return answer(ctx, parsed.problems[0]!.code, { field: parsed.problems[0]!.field });
      return answer(ctx, await answerApplication(strapi, token, parsed.value));
    },

    /**
     * Each published offer's recruitment (open, reserve, closed; accepted and wanted) and each
     * organisation's usual answer time, for the site build. No person's data.
     */
    async recruitment(ctx: Context) {
      const now = new Date();
      const offers = await recruitmentSummary(strapi, now);
      const answerTimesByOrganization: Record<string, { medianHours: number; text: string }> = {};
      for (const [organization, answers] of await answerTimes(strapi, new Date(now.getTime() - ANSWER_WINDOW_DAYS * 86_400_000))) {
        const hours = medianAnswerHours(answers, now);
        if (hours !== null) answerTimesByOrganization[organization] = { medianHours: Math.round(hours * 10) / 10, text: answerTimeText(hours) };
      }
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: offers, meta: { answerTimes: answerTimesByOrganization } };
    },
  };
};
