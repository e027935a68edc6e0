/**
 * The public sign-up routes (routes/public.ts). Forms POST here and are redirected (303) to a
 * result page of the site; a client that asks for JSON gets the same answer as JSON. Only the
 * fields input.ts names are read from a request.
 */
import type { Core } from '@strapi/strapi';
import { parseSignUp } from '../../../registrations/input';
import { mailAbout, registrationSettings, tell, type MailKind, type RegistrationSettings } from '../../../registrations/mail';
import { linkPage, type LinkAction } from '../../../registrations/pages';
import { availability, cancel, confirm, findByToken, loadEvent, signUp, withdrawUnsent, type Registration } from '../../../registrations/service';
import { RESULT_PAGES, resultPath, type ResultCode } from '../../../shared/signup-results';
import { answerWith, serveLinkPage, type FormContext } from '../../../public-forms/respond';
import { languageOfForm } from '../../../languages/words';
import { parseToken } from '../../../public-forms/form-fields';
import { createLimiter, type Limiter } from '../../../public-forms/rate-limit';
import { consentCheck } from '../../../public-forms/consent';
import { isRecord } from '../../../validation/write-shapes';

type Context = FormContext & {
  request: { body?: unknown; ip: string; length?: number; query: Record<string, unknown> };
  params: Record<string, string>;
};

/** Bigger than any honest form (the longest fields together are under 2 kB). */
const MAX_BODY_BYTES = 16 * 1024;

const STATUS_RESULT: Partial<Record<Registration['state'], ResultCode>> = {
  confirmed: 'confirmed',
  waitlisted: 'waitlisted',
  awaiting_approval: 'awaiting_approval',
  cancelled: 'cancelled',
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let limiter: Limiter | null = null;
  const settings = (): RegistrationSettings => registrationSettings(strapi);
  const limits = (): Limiter => (limiter ??= createLimiter('registration', { perIp: settings().rateLimitPerIp, perEmail: settings().rateLimitPerEmail }));

  const answerIn = answerWith(RESULT_PAGES, resultPath, () => settings().siteUrl);
  const body = (ctx: Context): Record<string, unknown> => (isRecord(ctx.request.body) ? ctx.request.body : {});
  // The answer page in the language of the form (or of the link page, which posts it too).
  const answer = (ctx: Context, code: ResultCode, extra?: Record<string, unknown>) => answerIn(ctx, code, extra, languageOfForm(body(ctx).language));

  const tooLarge = (ctx: Context): boolean => (ctx.request.length ?? 0) > MAX_BODY_BYTES;

  /** Mails the person whose sign-up changed, then everyone it moved up from the waiting list. */
  const tellAll = async (kind: MailKind, registration: Registration, promoted: Registration[]): Promise<void> => {
    await tell(strapi, kind, registration);
    for (const next of promoted) await tell(strapi, 'promoted', next);
  };

  /** The token a link page's button posted, once the client is within its rate limit; otherwise answers and returns null. */
  async function postedToken(ctx: Context, route: 'confirm' | 'cancel'): Promise<string | null> {
    const token = parseToken(body(ctx));
    const refusal = !token ? 'invalid_token' : !(await limits().allow(route, ctx.request.ip)) ? 'rate_limited' : null;
    if (refusal) answer(ctx, refusal);
    return refusal ? null : token;
  }

  async function linkGet(ctx: Context, action: LinkAction): Promise<void> {
    const token = parseToken(ctx.request.query);
    if (!token) return answer(ctx, 'invalid_token');
    const registration = await findByToken(strapi, token);
    if (!registration) return answer(ctx, 'unknown_link');
    serveLinkPage(ctx, linkPage(action, registration, token, settings().siteUrl), settings().siteUrl);
  }

  return {
    async signUp(ctx: Context) {
      if (tooLarge(ctx)) return answer(ctx, 'invalid_event');
      const now = new Date();
      const parsed = parseSignUp(body(ctx), now, await consentCheck(strapi, 'registration'));
      if (!(await limits().allow('signUp', ctx.request.ip, parsed.ok ? parsed.value.email : null))) return answer(ctx, 'rate_limited');
      if (!parsed.ok) {
        // A filled honeypot gets the answer of a success: nothing was stored or sent.
        if (parsed.bot) return answer(ctx, 'check_email');
        return answer(ctx, parsed.problems[0]!.code, { problems: parsed.problems });
      }
      const result = await signUp(strapi, parsed.value, now, settings().secret);
      if (result.kind === 'refused') return answer(ctx, result.reason);
      try {
        await mailAbout(strapi, 'confirm_request', result.registration, result.event);
      } catch (error) {
        strapi.log.error(`Sign-ups: the confirmation mail of registration ${result.registration.id} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
        if (result.kind === 'created') await withdrawUnsent(strapi, result.registration);
        return answer(ctx, 'mail_failed');
      }
      return answer(ctx, result.kind === 'repeat' ? 'repeat' : 'check_email');
    },

    async confirmPage(ctx: Context) {
      return linkGet(ctx, 'confirm');
    },

    async cancelPage(ctx: Context) {
      return linkGet(ctx, 'cancel');
    },

    async confirm(ctx: Context) {
      const token = await postedToken(ctx, 'confirm');
      if (!token) return;
      const result = await confirm(strapi, token, new Date());
      if (result.kind === 'unknown') return answer(ctx, 'unknown_link');
      if (result.kind === 'too_late') return answer(ctx, 'past');
      if (result.kind === 'already') return answer(ctx, STATUS_RESULT[result.registration.state] ?? 'not_cancellable');
      const { registration } = result;
      const kind: MailKind = registration.state === 'confirmed' ? 'confirmed' : registration.state === 'waitlisted' ? 'waitlisted' : 'awaiting_approval';
      await tellAll(kind, registration, result.promoted);
      return answer(ctx, STATUS_RESULT[registration.state]!);
    },

    async cancel(ctx: Context) {
      const token = await postedToken(ctx, 'cancel');
      if (!token) return;
      const result = await cancel(strapi, token, new Date());
      if (result.kind === 'unknown') return answer(ctx, 'unknown_link');
      if (result.kind === 'not_cancellable') return answer(ctx, 'not_cancellable');
      await tellAll('cancelled', result.registration, result.promoted);
      return answer(ctx, 'cancelled');
    },

    /**
     * Seats left per date and slot: public numbers only. A shared cache (a CDN or the proxy) may
     * keep the answer for 10 s against a rush; browsers ask again each time, so someone who has
     * just signed up sees their own seat gone.
     */
    async seats(ctx: Context) {
      const documentId = ctx.params.documentId ?? '';
      const event = /^[a-z0-9]{10,40}$/.test(documentId) ? await loadEvent(strapi, documentId) : null;
      if (!event || event.registrationMode !== 'site') {
        ctx.status = 404;
        ctx.body = { error: { status: 404, message: 'Na to wydarzenie nie zapisuje się przez stronę.' } };
        return;
      }
      ctx.set('Cache-Control', 'public, max-age=0, s-maxage=10');
      ctx.body = { data: { event: documentId, units: await availability(strapi, event, new Date()) } };
    },
  };
};

