/**
 * The organisations' panel's HTTP routes, served by the CMS under /panel as server-rendered HTML
 * (the panel shows one organisation's own, changing data, so it cannot be a static page of the
 * site). Every GET only reads; every POST needs the session cookie, a same-site Origin and the
 * session's CSRF token, and is rate-limited per organisation and per client. The link request and
 * the link page are the only routes without a session.
 */
import { DEFAULT_LANGUAGE } from '../languages/locales';
import type { Core } from '@strapi/strapi';
import { formText, honeypotFilled, isStrictEmail, normalizeEmail, parseToken, sentTooSoon } from '../public-forms/form-fields';
import { formSettings } from '../public-forms/settings';
import { answerWith } from '../public-forms/respond';
import { createLimiter, type Limiter } from '../public-forms/rate-limit';
import { composeLetter, linkPage, sendMail } from '../mail/letter';
import { isRecord } from '../validation/write-shapes';
import { ORG_PANEL_RESULTS, orgPanelResultPath } from '../shared/org-panel-results';
import { answerApplication } from '../volunteering/answer';
import { parseAnswer } from '../volunteering/rules';
import { asApplication, APPLICATION, organizationToken } from '../volunteering/service';
import { currentSession, endSession, issueLink, linkUsable, loadAccess, organizationsFor, ORGANIZATION, panelSettings, startSession, useLink, type PanelSession } from './access';
import { clearedSessionCookie, csrfMatches, csrfToken, personName, sameOrigin, sessionCookie, sessionFromCookies } from './session-rules';
import { panelPage, panelUrl } from './layout';
import { parseForm, valuesOf, type FieldProblem, type FormSection, type FormValues, type Option } from './form-kit';
import { EVENT_DEFAULTS, EVENT_FORM, OFFER_DEFAULTS, offerForm, profileForm, SOCIAL_ROWS } from './forms';
import { applicationsBody, formBody, listBody, overviewBody, when, type ApplicationRow, type ListedEntry } from './pages';
import { EVENT, isTrusted, OFFER, ownDraft, ownSubmissions, saveProposal, type ProposalKind, type SubmissionView } from './submissions';
import { forgetTemporaryFiles, logoFields, readLogo, removeLogo, uploadLogo } from './logo';

export interface PanelContext {
  method: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown; files?: Record<string, unknown>; ip: string; accepts(...types: string[]): string | false };
  secure: boolean;
  origin: string;
  get(field: string): string;
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
  redirect(url: string): void;
}

type Handler = (ctx: PanelContext) => Promise<void>;
type SessionHandler = (ctx: PanelContext, session: PanelSession, csrf: string) => Promise<void>;

const DOCUMENT_ID = /^[a-z0-9]{10,40}$/;

export function panelRoutes(strapi: Core.Strapi) {
  const siteUrl = (): string => formSettings(strapi).siteUrl;
  const secret = (): string => formSettings(strapi).secret;
  const answer = answerWith(ORG_PANEL_RESULTS, orgPanelResultPath, siteUrl);
  let linkLimiter: Limiter | null = null;
  let writeLimiter: Limiter | null = null;
  const linkLimits = (): Limiter => (linkLimiter ??= createLimiter('org-panel-link', { perIp: panelSettings(strapi).linkRateLimitPerIp, perEmail: panelSettings(strapi).linkRateLimitPerEmail }));
  // Per client and per organisation: one organisation's flood cannot hide behind many addresses.
  const writeLimits = (): Limiter => (writeLimiter ??= createLimiter('org-panel-write', { perIp: panelSettings(strapi).writeRateLimitPerIp, perEmail: panelSettings(strapi).writeRateLimitPerOrganization }));
  const body = (ctx: PanelContext): Record<string, unknown> => (isRecord(ctx.request.body) ? ctx.request.body : {});

  function html(ctx: PanelContext, page: string, status = 200): void {
    ctx.status = status;
    ctx.set('Cache-Control', 'no-store');
    // The panel's pages load nothing from elsewhere; forms post to the panel itself (and the
    // sign-out's redirect lands on the site). Images: the organisation's logo from the CMS.
    ctx.set('Content-Security-Policy', `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' ${new URL(siteUrl()).origin}; base-uri 'none'; frame-ancestors 'none'`);
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = page;
  }

  const see = (ctx: PanelContext, path: string): void => {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 303;
    ctx.redirect(path);
  };

  /** Runs `handler` for a live session; otherwise sends the person to sign in again. POSTs also need Origin and the CSRF token. */
  const signedIn =
    (handler: SessionHandler): Handler =>
    async (ctx) => {
      const token = sessionFromCookies(ctx.get('cookie'));
      const session = token ? await currentSession(strapi, token, new Date()) : null;
      if (!session) {
        // Never signed in here: the sign-in form. A session that ended (idle, revoked, organisation removed): say so.
        if (!token && ctx.method === 'GET') return see(ctx, `${siteUrl()}/dla-organizacji/`);
        if (token) ctx.set('Set-Cookie', clearedSessionCookie(secure(ctx)));
        return answer(ctx, 'session_ended');
      }
      const csrf = csrfToken(secret(), session.hash);
      if (ctx.method === 'POST') {
        if (!sameOrigin(ctx.get('origin') || undefined, ownOrigins(ctx)) || !csrfMatches(secret(), session.hash, formText(body(ctx), 'csrf'))) {
          return html(ctx, panelPage({ title: 'Formularz wygasł', organizationName: session.organization.name, csrf, siteUrl: siteUrl(), body: '<p class="warning">Nie zapisaliśmy zmian: formularz był otwarty w innej sesji albo przyszedł spoza panelu. Wróć, odśwież stronę i wyślij go jeszcze raz.</p>' }), 403);
        }
        if (!(await writeLimits().allow('org-panel-write', ctx.request.ip, `org:${session.organization.documentId}`))) {
          return html(ctx, panelPage({ title: 'Za dużo zmian naraz', organizationName: session.organization.name, csrf, siteUrl: siteUrl(), body: '<p class="warning">W ciągu ostatnich minut przyszło z Waszej organizacji bardzo wiele zmian. Odczekaj kilka minut i wyślij formularz ponownie.</p>' }), 429);
        }
      }
      return handler(ctx, session, csrf);
    };

  const frame = (session: PanelSession, csrf: string, current: 'start' | 'profile' | 'events' | 'offers', title: string, pageBody: string, notice?: string): string =>
    panelPage({ title, organizationName: session.organization.name, csrf, current, siteUrl: siteUrl(), body: pageBody, ...(notice ? { notice } : {}) });

  const savedNotice = (ctx: PanelContext): string | undefined => {
    const saved = typeof ctx.query.zapisano === 'string' ? ctx.query.zapisano : '';
    if (saved === 'oczekuje') return 'Zapisane. Zmiana czeka na zatwierdzenie przez redakcję; do tego czasu strona pokazuje poprzednią wersję.';
    if (saved === 'opublikowano') return 'Zapisane i opublikowane. Strona zaktualizuje się w ciągu kilku minut.';
    if (saved === 'odpowiedz') return 'Odpowiedź wysłana do zgłaszającego.';
    return undefined;
  };

  async function areaOptions(): Promise<Option[]> {
    const rows: unknown[] = await strapi.db.query('api::area.area').findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'name'], orderBy: { name: 'asc' } });
    return rows.filter(isRecord).map((row) => ({ value: String(row.documentId), label: String(row.name) }));
  }

  /** Each of the organisation's entries of one type: drafts (all it wrote) with whether a published version exists. */
  async function ownEntries(kind: 'event' | 'volunteer_offer', organizationDocumentId: string, submissions: readonly SubmissionView[]): Promise<ListedEntry[]> {
    const uid = kind === 'event' ? EVENT : OFFER;
    const owner = kind === 'event' ? 'organizer' : 'organization';
    // The Polish entries only: a translation is the same event or offer, not one more.
    const drafts: unknown[] = await strapi.db.query(uid).findMany({ where: { publishedAt: { $null: true }, locale: DEFAULT_LANGUAGE, [owner]: { documentId: organizationDocumentId } }, orderBy: kind === 'event' ? { startsAt: 'desc' } : { id: 'desc' }, limit: 500 });
    const ids = drafts.filter(isRecord).map((row) => String(row.documentId));
    const published = new Set(
      ((await strapi.db.query(uid).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true }, locale: DEFAULT_LANGUAGE }, select: ['documentId'] })) as unknown[]).filter(isRecord).map((row) => String(row.documentId)),
    );
    const latest = new Map<string, SubmissionView>();
    for (const s of submissions) if (!latest.has(s.targetDocumentId)) latest.set(s.targetDocumentId, s);
    const waiting = kind === 'volunteer_offer' ? await waitingByOffer(ids) : new Map<string, number>();
    return drafts.filter(isRecord).map((row) => {
      const documentId = String(row.documentId);
      return {
        documentId,
        title: String(row.title ?? ''),
        date: kind === 'event' ? when(row.startsAt as string) : String(row.applicationDeadline ?? row.endsOn ?? '—'),
        published: published.has(documentId),
        slug: typeof row.slug === 'string' ? row.slug : null,
        latest: latest.get(documentId),
        waiting: waiting.get(documentId) ?? 0,
      };
    });
  }

  async function waitingByOffer(offerIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (offerIds.length === 0) return counts;
    const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({ where: { offerDocumentId: { $in: [...offerIds] }, state: 'submitted' }, select: ['offerDocumentId'] });
    for (const row of rows.filter(isRecord)) counts.set(String(row.offerDocumentId), (counts.get(String(row.offerDocumentId)) ?? 0) + 1);
    return counts;
  }

  // ---- Signing in ----

  /** One link per organisation the address may sign in for (a person may work for two). */
  async function mailLinks(email: string): Promise<void> {
    const now = new Date();
    const settings = formSettings(strapi);
    const minutes = panelSettings(strapi).linkMinutes;
    for (const organization of await organizationsFor(strapi, email)) {
      const token = await issueLink(strapi, organization, email, now);
      await sendMail(
        strapi,
        composeLetter({
          to: email,
          name: personName(organization, email),
          subject: `Logowanie do panelu: ${organization.name}`,
          lead: `Ktoś (zapewne Ty) poprosił o link do panelu organizacji „${organization.name}” w serwisie Centrum Obywatelskiego.`,
          action: { label: 'Zaloguj się do panelu', url: `${settings.publicUrl}${panelUrl('wejscie')}?token=${token}`, note: `Link działa ${minutes} minut i tylko raz. Jeśli to nie Ty prosiłeś o link, zignoruj tę wiadomość – bez kliknięcia nikt się nie zaloguje.` },
          footer: 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Tę wiadomość wysłaliśmy, bo ten adres ma dostęp do panelu organizacji.',
        }),
      );
    }
  }

  const requestLink: Handler = async (ctx) => {
    const form = body(ctx);
    const email = normalizeEmail(formText(form, 'email'));
    if (!(await linkLimits().allow('org-panel-link', ctx.request.ip, isStrictEmail(email) ? email : null))) return answer(ctx, 'rate_limited');
    // A bot gets the answer of a success and nothing is sent.
    if (honeypotFilled(form) || sentTooSoon(form, new Date())) return answer(ctx, 'check_email');
    if (!isStrictEmail(email)) return answer(ctx, 'invalid_email', { field: 'email' });
    // The links are made and mailed after the answer: a known address must not answer slower (or
    // differently, when mail fails) than an unknown one, or the form would tell who has access.
    void mailLinks(email).catch((error: unknown) => {
      strapi.log.error(`Organisations' panel: sign-in links could not be mailed (${error instanceof Error ? error.name : 'error'}); the person was told to check the mail and may ask again.`);
    });
    return answer(ctx, 'check_email');
  };

  /** The page the mailed link opens: a button, since mail scanners open links and must not sign anyone in. */
  const linkPageRoute: Handler = async (ctx) => {
    const token = parseToken(ctx.query);
    if (!token) return answer(ctx, 'invalid_token');
    if (!(await linkUsable(strapi, token, new Date()))) return answer(ctx, 'unknown_link');
    html(
      ctx,
      linkPage({ title: 'Logowanie do panelu organizacji', lead: 'Kliknij przycisk, aby się zalogować. Link działa tylko raz.', subject: 'Panel organizacji', detail: 'Centrum Obywatelskie w Krakowie', button: 'Zaloguj się', token, siteUrl: siteUrl() }),
    );
  };

  /** Over HTTPS: behind a proxy that ends TLS Koa may not know it, but the public address says so. */
  const secure = (ctx: PanelContext): boolean => ctx.secure || formSettings(strapi).publicUrl.startsWith('https:');
  const ownOrigins = (ctx: PanelContext): string[] => [formSettings(strapi).publicUrl, ctx.origin];

  const signIn: Handler = async (ctx) => {
    // Another site must not sign a visitor into an organisation of its choosing with its own link.
    if (!sameOrigin(ctx.get('origin') || undefined, ownOrigins(ctx))) return answer(ctx, 'unknown_link');
    const token = parseToken(body(ctx));
    if (!token) return answer(ctx, 'invalid_token');
    if (!(await linkLimits().allow('org-panel-sign-in', ctx.request.ip))) return answer(ctx, 'rate_limited');
    const now = new Date();
    const used = await useLink(strapi, token, now);
    if (used.kind !== 'ok') return answer(ctx, 'unknown_link');
    const organization = await loadAccess(strapi, used.organizationDocumentId);
    if (!organization || !(await organizationsFor(strapi, used.email)).some((o) => o.documentId === organization.documentId)) return answer(ctx, 'unknown_link');
    const session = await startSession(strapi, organization.documentId, used.email, now);
    ctx.set('Set-Cookie', sessionCookie(session, secure(ctx)));
    see(ctx, panelUrl());
  };

  const signOut = signedIn(async (ctx, session) => {
    await endSession(strapi, session, new Date());
    ctx.set('Set-Cookie', clearedSessionCookie(secure(ctx)));
    answer(ctx, 'signed_out');
  });

  // ---- Pages ----

  const overview = signedIn(async (ctx, session, csrf) => {
    const org = session.organization.documentId;
    const submissions = await ownSubmissions(strapi, org);
    const [events, offers] = await Promise.all([ownEntries('event', org, submissions), ownEntries('volunteer_offer', org, submissions)]);
    const trusted = await isTrusted(strapi, org);
    const counts = { events: events.length, offers: offers.length, waiting: offers.reduce((sum, o) => sum + (o.waiting ?? 0), 0), pending: submissions.filter((s) => s.state === 'pending').length };
    html(ctx, frame(session, csrf, 'start', 'Panel organizacji', overviewBody(counts, submissions, trusted)));
  });

  const list = (kind: 'event' | 'volunteer_offer') =>
    signedIn(async (ctx, session, csrf) => {
      const org = session.organization.documentId;
      const entries = await ownEntries(kind, org, await ownSubmissions(strapi, org));
      const title = kind === 'event' ? 'Wasze wydarzenia' : 'Wasze oferty wolontariatu';
      html(ctx, frame(session, csrf, kind === 'event' ? 'events' : 'offers', title, listBody(kind === 'event' ? 'events' : 'offers', entries, siteUrl()), savedNotice(ctx)));
    });

  /** The sections of a kind's form (offers and profiles list the areas, read fresh). */
  const sectionsOf = async (kind: ProposalKind): Promise<FormSection[]> => (kind === 'event' ? [...EVENT_FORM] : kind === 'volunteer_offer' ? offerForm(await areaOptions()) : profileForm(await areaOptions()));

  const KIND_PAGE: Record<ProposalKind, { path: string; current: 'events' | 'offers' | 'profile'; newTitle: string; editTitle: string; submit: string }> = {
    event: { path: 'wydarzenia', current: 'events', newTitle: 'Nowe wydarzenie', editTitle: 'Edycja wydarzenia', submit: 'Wyślij do zatwierdzenia' },
    volunteer_offer: { path: 'oferty', current: 'offers', newTitle: 'Nowa oferta wolontariatu', editTitle: 'Edycja oferty wolontariatu', submit: 'Wyślij do zatwierdzenia' },
    profile: { path: 'profil', current: 'profile', newTitle: 'Profil organizacji', editTitle: 'Profil organizacji', submit: 'Wyślij zmiany do zatwierdzenia' },
  };

  function renderForm(ctx: PanelContext, session: PanelSession, csrf: string, kind: ProposalKind, documentId: string | null, sections: readonly FormSection[], values: FormValues, problems: readonly FieldProblem[], published: boolean, extraHtml?: string): void {
    const page = KIND_PAGE[kind];
    const action = kind === 'profile' ? panelUrl('profil') : panelUrl(documentId ? `${page.path}/${documentId}` : `${page.path}/${kind === 'event' ? 'nowe' : 'nowa'}`);
    const intro = published ? 'To jest opublikowane. Po wysłaniu zmiany strona pokazuje dotychczasową wersję, dopóki redakcja nie zatwierdzi nowej.' : 'Po wysłaniu redakcja Centrum sprawdzi wpis i opublikuje go albo odpisze, czego brakuje.';
    const form = formBody({ action, csrf, sections, values, problems, submit: page.submit, intro, ...(extraHtml ? { extraHtml, multipart: true } : {}) });
    html(ctx, frame(session, csrf, page.current, documentId && kind !== 'profile' ? page.editTitle : page.newTitle, form, savedNotice(ctx)), problems.length > 0 ? 400 : 200);
  }

  const isPublished = async (uid: string, documentId: string): Promise<boolean> => (await strapi.db.query(uid as typeof EVENT).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;
  const uidOf = (kind: ProposalKind): typeof EVENT => (kind === 'event' ? EVENT : kind === 'volunteer_offer' ? OFFER : ORGANIZATION) as typeof EVENT;

  const showForm = (kind: ProposalKind, existing: boolean) =>
    signedIn(async (ctx, session, csrf) => {
      const sections = await sectionsOf(kind);
      const documentId = kind === 'profile' ? session.organization.documentId : existing ? (ctx.params.id ?? '') : null;
      if (documentId === null) {
        const defaults: FormValues = kind === 'event' ? { ...EVENT_DEFAULTS } : { ...OFFER_DEFAULTS, contactEmail: session.email };
        return renderForm(ctx, session, csrf, kind, null, sections, defaults, [], false);
      }
      const draft = DOCUMENT_ID.test(documentId) ? await ownDraft(strapi, kind, documentId, session.organization.documentId) : null;
      if (!draft) return notFound(ctx, session, csrf);
      renderForm(ctx, session, csrf, kind, documentId, sections, valuesOf(sections, draft), [], await isPublished(uidOf(kind), documentId), kind === 'profile' ? logoFields(draft, []) : undefined);
    });

  const notFound = (ctx: PanelContext, session: PanelSession, csrf: string): void =>
    html(ctx, frame(session, csrf, 'start', 'Nie ma takiego wpisu', `<p>Nie znaleźliśmy tego wpisu wśród wpisów Waszej organizacji. <a href="${panelUrl()}">Wróć do panelu</a>.</p>`), 404);

  /** The parsed form as the entry's data: relations as sets of documentIds, social links as a list. */
  function toEntry(kind: ProposalKind, data: Record<string, unknown>): Record<string, unknown> {
    const entry = { ...data };
    if (Array.isArray(entry.areas)) entry.areas = { set: (entry.areas as string[]).map((documentId) => ({ documentId })) };
    if (kind === 'profile') {
      const rows = isRecord(entry.socialLinks) ? entry.socialLinks : {};
      entry.socialLinks = Array.from({ length: SOCIAL_ROWS }, (_, i) => rows[String(i)]).filter(isRecord);
    }
    // A free event has no price; an event without sign-ups at the organiser has no sign-up link.
    if (kind === 'event' && entry.isFree === true) entry.price = null;
    return entry;
  }

  const save = (kind: ProposalKind, existing: boolean) =>
    signedIn(async (ctx, session, csrf) => {
      const sections = await sectionsOf(kind);
      const documentId = kind === 'profile' ? session.organization.documentId : existing ? (ctx.params.id ?? '') : undefined;
      const draft = documentId ? (DOCUMENT_ID.test(documentId) ? await ownDraft(strapi, kind, documentId, session.organization.documentId) : null) : null;
      if (documentId && !draft) return notFound(ctx, session, csrf);
      const published = documentId ? await isPublished(uidOf(kind), documentId) : false;
      const form = body(ctx);
      const parsed = parseForm(sections, form);
      const problems = [...parsed.problems];
      const entry = toEntry(kind, parsed.data);
      const logo = kind === 'profile' ? readLogo(form, ctx.request.files, panelSettings(strapi).logoMaxKb) : null;
      if (logo) problems.push(...logo.problems);
      const logoHtml = kind === 'profile' ? (logoProblems: readonly FieldProblem[]) => logoFields(draft ?? {}, logoProblems, formText(form, 'logoAlt')) : () => undefined;
      const again = (shown: readonly FieldProblem[]) => renderForm(ctx, session, csrf, kind, documentId ?? null, sections, parsed.values, shown, published, logoHtml(shown));
      if (problems.length > 0) return again(problems);
      // The logo goes into the media library only once the rest of the form is right.
      let uploaded: number | null = null;
      if (logo?.file) {
        const stored = await uploadLogo(strapi, logo.file, logo.alt, session.organization.name);
        if (!stored.ok) return again([stored.problem]);
        uploaded = stored.id;
        entry.logo = stored.id;
      }
      const title = kind === 'profile' ? session.organization.name : String(entry.title ?? '');
      const result = await saveProposal(strapi, { kind, organization: session.organization, email: session.email, ...(documentId ? { documentId } : {}), data: entry, title, now: new Date() });
      if (result.kind !== 'saved' && uploaded !== null) await removeLogo(strapi, uploaded);
      if (result.kind === 'not_found') return notFound(ctx, session, csrf);
      if (result.kind === 'invalid') return again(result.problems);
      const flag = result.state === 'published_trusted' ? 'opublikowano' : 'oczekuje';
      see(ctx, kind === 'profile' ? `${panelUrl('profil')}?zapisano=${flag}` : `${panelUrl(KIND_PAGE[kind].path)}?zapisano=${flag}`);
    });

  /** An offer's confirmed applications; only of the organisation's own offer. */
  async function offerApplications(ctx: PanelContext, session: PanelSession): Promise<{ offer: Record<string, unknown>; rows: ApplicationRow[] } | null> {
    const documentId = ctx.params.id ?? '';
    const offer = DOCUMENT_ID.test(documentId) ? await ownDraft(strapi, 'volunteer_offer', documentId, session.organization.documentId) : null;
    if (!offer) return null;
    const rows: unknown[] = await strapi.db.query(APPLICATION).findMany({ where: { offerDocumentId: documentId, state: { $in: ['submitted', 'accepted', 'declined', 'withdrawn'] } }, orderBy: [{ confirmedAt: 'asc' }, { id: 'asc' }] });
    return {
      offer,
      rows: rows.map(asApplication).map((a) => ({ id: a.id, state: a.state, reserve: a.reserve, name: a.name, email: a.email, phone: a.phone, availability: a.availability, message: a.message, age: a.age, confirmedAt: a.confirmedAt, declineReason: a.declineReason, answerNote: a.answerNote, erased: a.erasedAt !== null })),
    };
  }

  const applications = signedIn(async (ctx, session, csrf) => {
    const found = await offerApplications(ctx, session);
    if (!found) return notFound(ctx, session, csrf);
    html(ctx, frame(session, csrf, 'offers', `Zgłoszenia: ${String(found.offer.title ?? '')}`, applicationsBody(String(found.offer.title ?? ''), String(found.offer.documentId), found.rows, csrf), savedNotice(ctx)));
  });

  const answerOne = signedIn(async (ctx, session, csrf) => {
    const found = await offerApplications(ctx, session);
    if (!found) return notFound(ctx, session, csrf);
    const form = body(ctx);
    const applicationId = Number(formText(form, 'application'));
    const row: unknown = Number.isSafeInteger(applicationId) ? await strapi.db.query(APPLICATION).findOne({ where: { id: applicationId, offerDocumentId: String(found.offer.documentId) } }) : null;
    if (!row) return notFound(ctx, session, csrf);
    const parsed = parseAnswer(form);
    const back = panelUrl(`oferty/${String(found.offer.documentId)}/zgloszenia`);
    if (!parsed.ok) {
      const message = 'Odpowiedź nie została wysłana: przy odmowie wybierz powód, a przy „Inny powód” napisz go w wiadomości (do 1000 znaków).';
      return html(ctx, frame(session, csrf, 'offers', `Zgłoszenia: ${String(found.offer.title ?? '')}`, `<div class="error-summary" role="alert"><p>${message}</p></div>${applicationsBody(String(found.offer.title ?? ''), String(found.offer.documentId), found.rows, csrf)}`), 400);
    }
    // The same path as the mailed answer link, with the same token that link carries.
    const outcome = await answerApplication(strapi, organizationToken(secret(), asApplication(row)), parsed.value);
    if (outcome === 'already_answered' || outcome === 'unknown_link') {
      return html(ctx, frame(session, csrf, 'offers', 'Na to zgłoszenie już odpowiedziano', `<p>To zgłoszenie ma już odpowiedź albo zostało wycofane, więc niczego nie zmieniliśmy. <a href="${back}">Wróć do zgłoszeń</a>.</p>`), 409);
    }
    see(ctx, `${back}?zapisano=odpowiedz`);
  });

  const routes: { method: 'GET' | 'POST'; path: string; handler: Handler }[] = [
    { method: 'POST', path: '/panel/link', handler: requestLink },
    { method: 'GET', path: '/panel/wejscie', handler: linkPageRoute },
    { method: 'POST', path: '/panel/wejscie', handler: signIn },
    { method: 'POST', path: '/panel/wyloguj', handler: signOut },
    { method: 'GET', path: '/panel', handler: overview },
    { method: 'GET', path: '/panel/profil', handler: showForm('profile', true) },
    { method: 'POST', path: '/panel/profil', handler: save('profile', true) },
    { method: 'GET', path: '/panel/wydarzenia', handler: list('event') },
    { method: 'GET', path: '/panel/wydarzenia/nowe', handler: showForm('event', false) },
    { method: 'POST', path: '/panel/wydarzenia/nowe', handler: save('event', false) },
    { method: 'GET', path: '/panel/wydarzenia/:id', handler: showForm('event', true) },
    { method: 'POST', path: '/panel/wydarzenia/:id', handler: save('event', true) },
    { method: 'GET', path: '/panel/oferty', handler: list('volunteer_offer') },
    { method: 'GET', path: '/panel/oferty/nowa', handler: showForm('volunteer_offer', false) },
    { method: 'POST', path: '/panel/oferty/nowa', handler: save('volunteer_offer', false) },
    { method: 'GET', path: '/panel/oferty/:id', handler: showForm('volunteer_offer', true) },
    { method: 'POST', path: '/panel/oferty/:id', handler: save('volunteer_offer', true) },
    { method: 'GET', path: '/panel/oferty/:id/zgloszenia', handler: applications },
    { method: 'POST', path: '/panel/oferty/:id/zgloszenia', handler: answerOne },
  ];
  // Whatever a request's outcome (even a refused session or token), the files it uploaded go.
  const cleaned =
    (handler: Handler): Handler =>
    async (ctx) => {
      try {
        await handler(ctx);
      } finally {
        forgetTemporaryFiles(ctx.request.files);
      }
    };
  return routes.map((route) => ({ ...route, handler: cleaned(route.handler), config: { auth: false as const } }));
}
