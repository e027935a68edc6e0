/**
 * The "Zgłoś gotowość" routes (routes/public.ts): the form on /wolontariat/gotowosc/ POSTs here
 * and is redirected (303) to a result page of the site, or answered with JSON. Only the fields
 * volunteering/interest-rules.ts names are read.
 */
import type { Core } from '@strapi/strapi';
import { formText, parseToken } from '../../../public-forms/form-fields';
import { formSettings } from '../../../public-forms/settings';
import { formRoute, serveLinkPage, type FormRequestContext } from '../../../public-forms/respond';
import { consentCheck } from '../../../public-forms/consent';
import { sendMail } from '../../../mail/letter';
import { INTEREST_RESULTS, interestResultPath } from '../../../shared/volunteer-application-results';
import { parseInterest } from '../../../volunteering/interest-rules';
import { composeInterestConfirmMail, interestLinkPage, volunteeringSettings, type InterestLink } from '../../../volunteering/mail';
import { erasedInterest, findInterestByToken, INTEREST, knownAreas, moveInterest, subscribe } from '../../../volunteering/interests';

type Context = FormRequestContext;

const MAX_BODY_BYTES = 16 * 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = (): string => formSettings(strapi).siteUrl;
  const limitsOf = () => ({ perIp: volunteeringSettings(strapi).rateLimitPerIp, perEmail: volunteeringSettings(strapi).rateLimitPerEmail });
  const { limits, body, answer, postedToken: posted } = formRoute('volunteer-interest', limitsOf, INTEREST_RESULTS, interestResultPath, siteUrl);

  async function linkGet(ctx: Context, action: InterestLink): Promise<void> {
    const token = parseToken(ctx.request.query);
    if (!token) return answer(ctx, 'invalid_token');
    const interest = await findInterestByToken(strapi, token);
    if (!interest || interest.state === 'unsubscribed') return answer(ctx, interest ? 'unsubscribed' : 'unknown_link', undefined, interest?.language);
    serveLinkPage(ctx, interestLinkPage(action, interest, token, siteUrl()), siteUrl());
  }

  /**
   * The token of a POST: from the link page's button, or — for a mail program's one-click
   * unsubscribe (RFC 8058), which posts "List-Unsubscribe=One-Click" to the link itself — from the link.
   */
  async function postedToken(ctx: Context, route: string, oneClick = false): Promise<string | null> {
    const fromLink = oneClick && formText(body(ctx), 'List-Unsubscribe') === 'One-Click' ? parseToken(ctx.request.query) : null;
    return posted(ctx, `interest-${route}`, (code) => answer(ctx, code), fromLink);
  }

  return {
    async subscribe(ctx: Context) {
      if ((ctx.request.length ?? 0) > MAX_BODY_BYTES) return answer(ctx, 'invalid_areas');
      const parsed = parseInterest(body(ctx), await consentCheck(strapi, 'volunteer-interest'));
      if (!(await limits().allow('volunteer-interest', ctx.request.ip, parsed.ok ? parsed.value.email : null))) return answer(ctx, 'rate_limited');
      if (!parsed.ok) {
        if (parsed.bot) return answer(ctx, 'check_email');
        return answer(ctx, parsed.problems[0]!.code, { field: parsed.problems[0]!.field, problems: parsed.problems });
      }
      const areas = await knownAreas(strapi);
      if (!parsed.value.areas.every((slug) => areas.has(slug))) return answer(ctx, 'invalid_areas', { field: 'areas' });
      const result = await subscribe(strapi, parsed.value, new Date(), formSettings(strapi).secret);
      // An active subscription is not confirmed again; its owner hears nothing new, and a stranger learns nothing.
      if (result.kind === 'repeat' && result.interest.state === 'active') return answer(ctx, 'repeat');
      try {
        await sendMail(strapi, composeInterestConfirmMail(result.interest, formSettings(strapi), volunteeringSettings(strapi).confirmHours));
      } catch (error) {
        strapi.log.error(`Volunteering: the confirmation mail of sign-up for offers ${result.interest.id} could not be sent (${error instanceof Error ? error.name : 'error'}).`);
        if (result.kind === 'created') await strapi.db.query(INTEREST).delete({ where: { id: result.interest.id, state: 'awaiting_confirmation' } });
        return answer(ctx, 'mail_failed');
      }
      return answer(ctx, result.kind === 'repeat' ? 'repeat' : 'check_email');
    },

    async confirmPage(ctx: Context) {
      return linkGet(ctx, 'confirm');
    },

    async unsubscribePage(ctx: Context) {
      return linkGet(ctx, 'unsubscribe');
    },

    async confirm(ctx: Context) {
      const token = await postedToken(ctx, 'confirm');
      if (!token) return;
      const interest = await findInterestByToken(strapi, token);
      if (!interest) return answer(ctx, 'unknown_link');
      if (await moveInterest(strapi, interest, ['awaiting_confirmation'], 'active', { confirmedAt: new Date() })) return answer(ctx, 'active');
      const now = await findInterestByToken(strapi, token);
      return answer(ctx, now?.state === 'active' ? 'already' : now?.state === 'expired' ? 'expired' : 'unsubscribed');
    },

    async unsubscribe(ctx: Context) {
      const token = await postedToken(ctx, 'unsubscribe', true);
      if (!token) return;
      const interest = await findInterestByToken(strapi, token);
      if (!interest) return answer(ctx, 'unknown_link');
      const now = new Date();
      // Leaving erases the address at once; the row stays (state, dates, digests sent) for the counts.
      await moveInterest(strapi, interest, ['awaiting_confirmation', 'active'], 'unsubscribed', { unsubscribedAt: now, ...erasedInterest(now) });
      return answer(ctx, 'unsubscribed');
    },
  };
};
