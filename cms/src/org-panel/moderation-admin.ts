/**
 * The admin API of "Zgłoszenia" (behind the admin's login): the list with the counts the menu
 * badge shows, one submission with what it changes, and the decision. Editors who may edit
 * submissions in the content manager may decide; publishing also needs the right to publish the
 * entry's type, exactly as the content manager's own "Publish" would.
 */
import type { Core } from '@strapi/strapi';
import type { AdminContext } from '../admin-config/admin-routes';
import { parseDecision } from './moderation-rules';
import { decide, editorName, findSubmission, listSubmissions, submissionDetail, SUBMISSION, TARGET_UID, waitingCounts } from './moderation';
import { sendDecisionMail } from './moderation-mail';

type ModerationContext = AdminContext & {
  params: Record<string, string | undefined>;
  request: { body?: unknown };
  state: AdminContext['state'] & { user?: unknown };
};

const POLICIES = { policies: ['admin::isAuthenticatedAdmin'] };

function answer(ctx: ModerationContext, status: number, message: string, extra: Record<string, unknown> = {}): void {
  ctx.status = status;
  ctx.body = { error: { status, message, ...extra } };
}

/** Whether the editor may decide on submissions; otherwise answers 403. */
function mayModerate(ctx: ModerationContext): boolean {
  if (ctx.state.userAbility?.can('plugin::content-manager.explorer.update', SUBMISSION)) return true;
  answer(ctx, 403, 'Brak uprawnień do rozpatrywania zgłoszeń organizacji (potrzebne: edycja typu „Zgłoszenie organizacji” w Menedżerze treści).');
  return false;
}

/** The submission id in the path; answers 400 when it is not a number. */
function submissionId(ctx: ModerationContext): number | null {
  const raw = ctx.params.id ?? '';
  if (/^[1-9][0-9]{0,9}$/.test(raw)) return Number(raw);
  answer(ctx, 400, `Zgłoszenie: „${raw}” nie jest numerem zgłoszenia.`);
  return null;
}

export function moderationRoutes(strapi: Core.Strapi) {
  return [
    {
      /** GET /admin/co/submissions: what waits (oldest first), the last 50 decided, and the counts. */
      method: 'GET',
      path: '/co/submissions',
      handler: async (ctx: ModerationContext) => {
        if (!mayModerate(ctx)) return;
        ctx.set('Cache-Control', 'no-store');
        const { waiting, decided, counts } = await listSubmissions(strapi);
        ctx.body = { data: { waiting, decided }, meta: counts };
      },
      config: POLICIES,
    },
    {
      /** GET /admin/co/submissions/count: the menu badge's numbers, nothing else. */
      method: 'GET',
      path: '/co/submissions/count',
      handler: async (ctx: ModerationContext) => {
        if (!mayModerate(ctx)) return;
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: await waitingCounts(strapi) };
      },
      config: POLICIES,
    },
    {
      /** GET /admin/co/submissions/:id: the submission with the changed fields (or the join request's). */
      method: 'GET',
      path: '/co/submissions/:id',
      handler: async (ctx: ModerationContext) => {
        if (!mayModerate(ctx)) return;
        const id = submissionId(ctx);
        if (id === null) return;
        const detail = await submissionDetail(strapi, id);
        if (!detail) return answer(ctx, 404, `Nie ma zgłoszenia nr ${id}.`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: detail };
      },
      config: POLICIES,
    },
    {
      /** POST /admin/co/submissions/:id/decision { decision, reason?, text? } */
      method: 'POST',
      path: '/co/submissions/:id/decision',
      handler: async (ctx: ModerationContext) => {
        if (!mayModerate(ctx)) return;
        const id = submissionId(ctx);
        if (id === null) return;
        const parsed = parseDecision(ctx.request.body);
        if (!parsed.ok) return answer(ctx, 400, parsed.message, { name: 'ValidationError', details: { errors: [{ path: [parsed.field], message: parsed.message }] } });
        const submission = await findSubmission(strapi, id);
        if (!submission) return answer(ctx, 404, `Nie ma zgłoszenia nr ${id}.`);
        if (parsed.value.decision === 'approve') {
          const uid = submission.kind === 'join' ? 'api::organization.organization' : TARGET_UID[submission.kind];
          const action = submission.kind === 'join' ? 'plugin::content-manager.explorer.create' : 'plugin::content-manager.explorer.publish';
          if (!ctx.state.userAbility?.can(action, uid) || (submission.kind === 'join' && !ctx.state.userAbility.can('plugin::content-manager.explorer.publish', uid))) {
            return answer(ctx, 403, `Brak uprawnień do publikowania tego typu wpisów (${uid}): zatwierdzić może redaktor, który może je publikować.`);
          }
        }
        if (submission.kind !== 'join' && (parsed.value.decision === 'reject' || parsed.value.decision === 'spam')) {
          // Rejecting resets or keeps the entry's draft, spam deletes a new entry: the editor needs those rights on the entry itself.
          const uid = TARGET_UID[submission.kind];
          const needed = parsed.value.decision === 'spam' && submission.change === 'new' ? ['update', 'delete'] : ['update'];
          if (!needed.every((action) => ctx.state.userAbility?.can(`plugin::content-manager.explorer.${action}`, uid))) {
            return answer(ctx, 403, `Brak uprawnień do zmiany tego typu wpisów (${uid}): odrzucić zgłoszenie może redaktor, który może je edytować${needed.includes('delete') ? ' i usuwać' : ''}.`);
          }
        }
        const body = ctx.request.body;
        const seen = typeof body === 'object' && body !== null && typeof (body as { seen?: unknown }).seen === 'string' ? (body as { seen: string }).seen : null;
        const outcome = await decide(strapi, id, parsed.value, editorName(ctx.state.user), new Date(), seen);
        switch (outcome.kind) {
          case 'not_found':
            return answer(ctx, 404, `Nie ma zgłoszenia nr ${id}.`);
          case 'refused':
            return answer(ctx, 409, outcome.message, { state: outcome.submission.state });
          case 'gone':
            return answer(ctx, 409, outcome.message);
          case 'invalid':
            // The project's rules refused to publish (validation/document-middleware.ts): the editor
            // sees which fields, fixes the draft in the content manager, and approves again.
            return answer(ctx, 400, `Nie można opublikować: ${outcome.error.message}`, { name: 'ValidationError', details: outcome.error.details });
          case 'done': {
            const mail = await sendDecisionMail(strapi, outcome.decided);
            const { joinRequest: _join, digestedAt: _digested, ...submission } = outcome.decided.submission;
            ctx.body = { data: { submission, mailed: mail.mailed, mailedTo: mail.to } };
            return;
          }
        }
      },
      config: POLICIES,
    },
  ];
}
