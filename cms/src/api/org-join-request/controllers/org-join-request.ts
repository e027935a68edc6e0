/**
 * The join form's route (routes/public.ts): redirected (303) to a result page of the site under
 * /dla-organizacji/, or answered with JSON. Only the fields org-panel/join-rules.ts names are read.
 */
import type { Core } from '@strapi/strapi';
import { formSettings } from '../../../public-forms/settings';
import { formRoute, type FormRequestContext } from '../../../public-forms/respond';
import { consentCheck } from '../../../public-forms/consent';
import { sendMail } from '../../../mail/letter';
import { ORG_PANEL_RESULTS, orgPanelResultPath } from '../../../shared/org-panel-results';
import { parseJoinRequest } from '../../../org-panel/join-rules';
import { composeJoinReceipt, joinLimits, storeJoinRequest, SUBMISSION } from '../../../org-panel/join';

type Context = FormRequestContext;

/** Bigger than any honest form (its fields together are under 2 kB). */
const MAX_BODY_BYTES = 16 * 1024;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = (): string => formSettings(strapi).siteUrl;
  const { limits, body, answer } = formRoute('org-join', () => joinLimits(strapi), ORG_PANEL_RESULTS, orgPanelResultPath, siteUrl);

  return {
    async submit(ctx: Context) {
      // Only the description can be long.
      if ((ctx.request.length ?? 0) > MAX_BODY_BYTES) return answer(ctx, 'invalid_short_description', { field: 'shortDescription' });
      const parsed = parseJoinRequest(body(ctx), new Date(), await consentCheck(strapi, 'org-join'));
      if (!(await limits().allow('org-join', ctx.request.ip, parsed.ok ? parsed.value.contactEmail : null))) return answer(ctx, 'rate_limited');
      if (!parsed.ok) {
        // A filled honeypot gets the answer of a success: nothing was stored or sent.
        if (parsed.bot) return answer(ctx, 'join_received');
        return answer(ctx, parsed.problems[0]!.code, { field: parsed.problems[0]!.field, problems: parsed.problems });
      }
      const request = parsed.value;
      const outcome = await storeJoinRequest(strapi, request, new Date());
      // A repeat is answered like a new request and gets the same receipt: the form must not tell
      // anyone which organisations (unpublished ones and requests included) the centre knows of.
      if (outcome.kind === 'in_directory') strapi.log.info(`Org join: a request repeating organisation ${outcome.organizationDocumentId} was not stored.`);
      if (outcome.kind === 'pending') strapi.log.info(`Org join: a request repeating pending request ${outcome.submissionId} was not stored.`);
      try {
        await sendMail(strapi, composeJoinReceipt(request, formSettings(strapi)));
      } catch (error) {
        strapi.log.error(`Org join: the receipt of request ${outcome.kind === 'stored' ? outcome.submissionId : '(a repeat)'} could not be sent (${error instanceof Error ? error.name : 'error'}).`);
        // Nobody would know the request arrived; it is sent again once mail works.
        if (outcome.kind === 'stored') await strapi.db.query(SUBMISSION).delete({ where: { id: outcome.submissionId, state: 'pending' } });
        return answer(ctx, 'mail_failed');
      }
      if (outcome.kind === 'stored') strapi.log.info(`Org join: request ${outcome.submissionId} stored for the editors.`);
      return answer(ctx, 'join_received');
    },
  };
};
