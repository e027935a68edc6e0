/**
 * The public room request routes (routes/public.ts). The room page's form POSTs here and is
 * redirected (303) to a result page of the site; a client that asks for JSON gets the same answer
 * as JSON. Only the fields room-requests/rules.ts names are read from a request.
 */
import type { Core } from '@strapi/strapi';
import { parseToken } from '../../../public-forms/form-fields';
import { formSettings } from '../../../public-forms/settings';
import { firstMeeting, meetings, parseRoomRequest, refusal, WITHDRAWABLE } from '../../../room-requests/rules';
import { mailRequest, mailRoom, roomLinkPage, roomRequestSettings, tellApplicant, type RoomLinkAction } from '../../../room-requests/mail';
import { approvedRequests, findByToken, loadRoom, moveByToken, openingHours, ROOM_REQUEST, submit } from '../../../room-requests/service';
import { ROOM_REQUEST_RESULTS, roomRequestResultPath } from '../../../shared/room-request-results';
import { formRoute, serveLinkPage, type FormRequestContext } from '../../../public-forms/respond';
import { consentCheck } from '../../../public-forms/consent';

type Context = FormRequestContext;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const siteUrl = (): string => formSettings(strapi).siteUrl;
  const limitsOf = () => ({ perIp: roomRequestSettings(strapi).rateLimitPerIp, perEmail: roomRequestSettings(strapi).rateLimitPerEmail });
  // Answers come in the language of the form that was posted (a translated room page's, or a link page's).
  const { limits, body, answer, postedToken: posted } = formRoute('room-request', limitsOf, ROOM_REQUEST_RESULTS, roomRequestResultPath, siteUrl);

  async function linkGet(ctx: Context, action: RoomLinkAction): Promise<void> {
    const token = parseToken(ctx.request.query);
    if (!token) return answer(ctx, 'invalid_token');
    const request = await findByToken(strapi, token);
    if (!request) return answer(ctx, 'unknown_link');
    serveLinkPage(ctx, roomLinkPage(action, request, token, siteUrl(), await mailRoom(strapi, request)), siteUrl());
  }

  const postedToken = (ctx: Context, route: RoomLinkAction): Promise<string | null> => posted(ctx, `room-${route}`, (code) => answer(ctx, code));

  return {
    async submit(ctx: Context) {
      const parsed = parseRoomRequest(body(ctx), await consentCheck(strapi, 'room-request'));
      if (!(await limits().allow('room-request', ctx.request.ip, parsed.ok ? parsed.value.email : null))) return answer(ctx, 'rate_limited');
      if (!parsed.ok) {
        // A filled honeypot gets the answer of a success: nothing was stored or sent.
        if (parsed.bot) return answer(ctx, 'check_email');
        return answer(ctx, parsed.problems[0]!.code, { field: parsed.problems[0]!.field, problems: parsed.problems });
      }
      const input = parsed.value;
      const room = await loadRoom(strapi, input.roomDocumentId);
      if (!room) return answer(ctx, 'unknown_room');
      const first = firstMeeting(input);
      const wanted = meetings({ ...first, repeatUntil: input.repeatUntil });
      // The room's calendar is read once, by submit(), under the room's lock; the rest is checked here.
      const refused = refusal(input, wanted, room, await openingHours(strapi), roomRequestSettings(strapi), [], new Date());
      if (refused) return answer(ctx, refused);
      const result = await submit(strapi, input, room, first, new Date(), formSettings(strapi).secret);
      if (result.kind === 'slot_taken') return answer(ctx, 'slot_taken');
      try {
        await mailRequest(strapi, 'confirm_request', result.request);
      } catch (error) {
        strapi.log.error(`Room requests: the confirmation mail of request ${result.request.id} could not be sent: ${error instanceof Error ? error.message : String(error)}`);
        if (result.kind === 'created') await strapi.db.query(ROOM_REQUEST).delete({ where: { id: result.request.id, state: 'awaiting_confirmation' } });
        return answer(ctx, 'mail_failed');
      }
      return answer(ctx, result.kind === 'repeat' ? 'repeat' : 'check_email');
    },

    async confirmPage(ctx: Context) {
      return linkGet(ctx, 'confirm');
    },

    async withdrawPage(ctx: Context) {
      return linkGet(ctx, 'withdraw');
    },

    async confirm(ctx: Context) {
      const token = await postedToken(ctx, 'confirm');
      if (!token) return;
      const result = await moveByToken(strapi, token, ['awaiting_confirmation'], 'requested', { confirmedAt: new Date() });
      if (result.kind === 'unknown') return answer(ctx, 'unknown_link');
      if (result.kind === 'refused') return answer(ctx, result.request.state === 'expired' ? 'expired' : result.request.state === 'withdrawn' ? 'withdrawn' : 'already');
      await tellApplicant(strapi, 'requested', result.request);
      return answer(ctx, 'requested');
    },

    async withdraw(ctx: Context) {
      const token = await postedToken(ctx, 'withdraw');
      if (!token) return;
      const found = await findByToken(strapi, token);
      // A meeting that has begun is no longer withdrawn from here: the coordinator is told in person.
      const started = found ? Date.parse(found.startsAt) <= Date.now() : false;
      const result = started ? { kind: 'refused' as const } : await moveByToken(strapi, token, WITHDRAWABLE, 'withdrawn', {});
      if (result.kind === 'unknown') return answer(ctx, 'unknown_link');
      if (result.kind === 'refused') return answer(ctx, 'not_withdrawable');
      // A withdrawn approval frees time the site shows as busy: tell the rebuild service as an
      // editor's change would (visitors' writes bypass the document service and its webhooks), with
      // nothing of the request but its id.
      if (found?.state === 'approved') await strapi.eventHub.emit('entry.update', { model: 'room-request', uid: ROOM_REQUEST, entry: { documentId: result.request.documentId, publishedAt: new Date().toISOString() } });
      await tellApplicant(strapi, 'withdrawn', result.request);
      return answer(ctx, 'withdrawn');
    },

    /**
     * When rooms are taken by approved requests, from yesterday on: times only, for the site's
     * availability and feeds. The booking window submit() enforces comes along in `meta`, so the
     * form's dates and hint follow ROOM_REQUEST_MIN_DAYS / ROOM_REQUEST_MAX_MONTHS and not a default.
     */
    async busy(ctx: Context) {
      const since = Date.now() - 86_400_000;
      const busy: { room: string; startsAt: string; endsAt: string }[] = [];
      for (const request of await approvedRequests(strapi)) {
        for (const meeting of meetings(request)) if (Date.parse(meeting.endsAt) > since) busy.push({ room: request.roomDocumentId, ...meeting });
      }
      const { minDays, maxMonths } = roomRequestSettings(strapi);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: busy.sort((a, b) => a.startsAt.localeCompare(b.startsAt)), meta: { bookingWindow: { minDays, maxMonths } } };
    },
  };
};
