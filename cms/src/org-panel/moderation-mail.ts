/**
 * The mails of moderation, in Polish, through the shared letter (mail/letter.ts): to the person
 * who submitted (published, not accepted), to a new organisation (welcome, or why not), and the
 * editors' digest of what waits in "Zgłoszenia" — at most one a period (ORG_MODERATION_DIGEST_HOURS),
 * and only when something waits that no digest named yet, so a quiet queue sends nothing.
 */
import type { Core } from '@strapi/strapi';
import { composeLetter, sendMail, type Mail } from '../mail/letter';
import { formConfig, formSettings, type FormSettings } from '../public-forms/settings';
import { isRecord } from '../validation/write-shapes';
import { digestDue, KIND_LABELS, mailList, publicPath, REJECT_REASONS, waitedFor, type ProposalKind } from './moderation-rules';
import { SUBMISSION, waitingSubmissions, type Decided, type Submission } from './moderation';

export interface ModerationSettings {
  /** At most one digest this often. */
  moderationDigestHours: number;
  /** Comma-separated addresses; empty: every active admin user. */
  moderationMailTo: string;
}

export function moderationSettings(strapi: Core.Strapi): ModerationSettings {
  const settings = formConfig<Partial<ModerationSettings>>(strapi, 'org-panel', 'the moderation of organisations’ proposals');
  return { moderationDigestHours: Number(settings.moderationDigestHours ?? 24) || 24, moderationMailTo: String(settings.moderationMailTo ?? '') };
}

const FOOTER_ORGANIZATION =
  'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo z tego adresu wysłano zgłoszenie w panelu organizacji na stronie Centrum. Pytania? Odpowiedz na tę wiadomość.';
const FOOTER_JOIN = 'Centrum Obywatelskie, ul. Reymonta 20, Kraków. Dostajesz tę wiadomość, bo ten adres podano jako kontaktowy w prośbie o dołączenie do katalogu organizacji na stronie Centrum.';
const FOOTER_EDITORS = 'Centrum Obywatelskie – wiadomość dla redakcji serwisu, wysyłana automatycznie, gdy w „Zgłoszeniach” czekają nowe propozycje organizacji.';

/** „wydarzenie „X””, „ofertę wolontariatu „X””, „profil organizacji” — the thing in a sentence (accusative). */
const WHAT: Record<ProposalKind, string> = { event: 'wydarzenie', volunteer_offer: 'ofertę wolontariatu', profile: 'zmiany w profilu organizacji' };

export const panelSignIn = (settings: FormSettings): string => `${settings.siteUrl}/dla-organizacji/`;

/** The mail after an editor's approval or rejection; null when the decision sends none (spam, reviewed) or nobody can be written to. */
export function composeDecisionMail({ submission, decision, slug, join }: Decided, settings: FormSettings): Mail | null {
  if (decision.decision === 'spam' || decision.decision === 'reviewed') return null;
  const signIn = panelSignIn(settings);
  if (submission.kind === 'join') {
    const to = join?.contactEmail || submission.submittedBy;
    if (!to) return null;
    const name = join?.contactName || join?.name || 'Organizacjo';
    const organization = join?.name || submission.title;
    if (decision.decision === 'approve') {
      const profile = slug ? `${settings.siteUrl}${publicPath('profile', slug)}` : null;
      return composeLetter({
        to,
        name,
        subject: `Witamy w katalogu organizacji: ${organization}`,
        lead: `Dodaliśmy „${organization}” do katalogu organizacji partnerskich Centrum Obywatelskiego. Od teraz możesz logować się do panelu organizacji: proponować wydarzenia i oferty wolontariatu oraz zmieniać profil – redakcja Centrum zatwierdzi je przed publikacją.`,
        details: profile ? [['Profil na stronie', profile]] : [],
        action: { label: 'Zaloguj się do panelu organizacji', url: signIn, note: `Podaj na tej stronie adres ${to}, a wyślemy na niego link do logowania.` },
        footer: FOOTER_JOIN,
      });
    }
    return composeLetter({
      to,
      name,
      subject: `Prośba o dołączenie do katalogu: ${organization}`,
      lead: `Dziękujemy za zgłoszenie. Tym razem nie możemy dodać „${organization}” do katalogu organizacji partnerskich Centrum Obywatelskiego.`,
      details: [['Powód', REJECT_REASONS[decision.reason]], ...(decision.text ? [['Wyjaśnienie redakcji', decision.text] as [string, string]] : [])],
      footer: FOOTER_JOIN,
    });
  }
  if (!submission.submittedBy) return null;
  const name = submission.organizationName ?? 'Organizacjo';
  const what = WHAT[submission.kind];
  const titled = submission.kind === 'profile' ? what : `${what} „${submission.title}”`;
  if (decision.decision === 'approve') {
    const url = slug ? `${settings.siteUrl}${publicPath(submission.kind, slug)}` : null;
    return composeLetter({
      to: submission.submittedBy,
      name,
      subject: `Opublikowane: ${submission.title}`,
      lead: `Redakcja Centrum zatwierdziła ${titled}. ${submission.kind === 'profile' ? 'Są' : 'Jest'} już w serwisie – strona odświeża się w ciągu kilku minut.`,
      details: url ? [['Adres na stronie', url]] : [],
      ...(url ? { link: { label: 'Zobacz na stronie', url } } : {}),
      footer: FOOTER_ORGANIZATION,
    });
  }
  const after =
    submission.change === 'edit'
      ? 'Na stronie zostaje poprzednia wersja; odrzucone zmiany nie zostały zachowane.'
      : 'Wpis nie jest widoczny w serwisie, ale zostaje w panelu organizacji: możesz go poprawić i wysłać ponownie.';
  return composeLetter({
    to: submission.submittedBy,
    name,
    subject: `Zgłoszenie nieprzyjęte: ${submission.title}`,
    lead: `Redakcja Centrum nie przyjęła ${submission.change === 'edit' && submission.kind !== 'profile' ? `zmian: ${titled}` : titled}. ${after}`,
    details: [['Tytuł', submission.title], ['Powód', REJECT_REASONS[decision.reason]], ...(decision.text ? [['Wyjaśnienie redakcji', decision.text] as [string, string]] : [])],
    link: { label: 'Panel organizacji', url: signIn },
    footer: FOOTER_ORGANIZATION,
  });
}

/** Sends the decision's mail; false (logged, the decision stands) when the mail server refused it. */
export async function sendDecisionMail(strapi: Core.Strapi, decided: Decided): Promise<{ mailed: boolean; to: string | null }> {
  const mail = composeDecisionMail(decided, formSettings(strapi));
  if (!mail) return { mailed: false, to: null };
  try {
    await sendMail(strapi, mail);
    return { mailed: true, to: mail.to };
  } catch (error) {
    strapi.log.error(`Moderation: submission ${decided.submission.id} was decided (${decided.decision.decision}), but its mail could not be sent (${error instanceof Error ? error.name : 'error'}).`);
    return { mailed: false, to: mail.to };
  }
}

// ---------------------------------------------------------------------------------------------
// The editors' digest
// ---------------------------------------------------------------------------------------------

/** Polish numbers take three forms: 1, 2–4 (but not 12–14), and the rest. */
const pluralForm = (count: number): 'one' | 'few' | 'many' => {
  const lastTwo = count % 100;
  const last = count % 10;
  return count === 1 ? 'one' : last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'few' : 'many';
};

/** „1 zgłoszenie czeka”, „3 zgłoszenia czekają”, „5 zgłoszeń czeka”. */
export function submissionsCount(count: number): string {
  const form = pluralForm(count);
  return `${count} ${{ one: 'zgłoszenie czeka', few: 'zgłoszenia czekają', many: 'zgłoszeń czeka' }[form]}`;
}

const line = (submission: Submission, now: Date): string =>
  `„${submission.title}” – ${submission.organizationName ?? (submission.kind === 'join' ? 'nowa organizacja' : 'organizacja')}, czeka ${waitedFor(submission.submittedAt, now)}`;

export function composeDigest(to: string, waiting: readonly Submission[], now: Date, settings: FormSettings, hours: number): Mail {
  const pending = waiting.filter((s) => s.state === 'pending');
  const trusted = waiting.filter((s) => s.state === 'published_trusted');
  const details: [string, string][] = [
    ...pending.map((s, index): [string, string] => [`${index + 1}. ${KIND_LABELS[s.kind]}${s.kind === 'join' ? '' : s.change === 'edit' ? ' (zmiana)' : ' (nowy)'}`, line(s, now)]),
    ...trusted.map((s): [string, string] => [`Do przejrzenia: ${KIND_LABELS[s.kind]}`, `${line(s, now)} (już opublikowane – zaufana organizacja)`]),
  ];
  const parts = [pending.length > 0 ? `${submissionsCount(pending.length)} na decyzję` : '', trusted.length > 0 ? `do przejrzenia: ${trusted.length} (opublikowane od razu przez zaufane organizacje)` : ''].filter(Boolean);
  return composeLetter({
    to,
    name: 'Redakcjo',
    subject: `Zgłoszenia organizacji: ${parts.join(', ')}`,
    lead: `W „Zgłoszeniach” w panelu administracyjnym: ${parts.join('; ')}. Nic z tego nie jest widoczne w serwisie przed zatwierdzeniem (poza wpisami zaufanych organizacji).`,
    details,
    action: { label: 'Otwórz Zgłoszenia', url: `${settings.publicUrl}/admin/zgloszenia`, note: `To zestawienie przychodzi najwyżej raz na ${hours} godz. i tylko wtedy, gdy czeka coś nowego.` },
    footer: FOOTER_EDITORS,
  });
}

async function editorAddresses(strapi: Core.Strapi, configured: string): Promise<string[]> {
  const listed = mailList(configured);
  if (listed.length > 0) return listed;
  const users: unknown[] = await strapi.db.query('admin::user').findMany({ where: { isActive: true, $or: [{ blocked: false }, { blocked: { $null: true } }] }, select: ['email'] });
  return [...new Set(users.filter(isRecord).map((user) => String(user.email ?? '')).filter((email) => email.includes('@')))];
}

/**
 * Mails the digest when it is due (moderation-rules.ts digestDue) and marks everything it named
 * with `now`, which is also how the next run knows when the last one went. Returns how many
 * editors it reached.
 */
export async function runModerationDigest(strapi: Core.Strapi, now: Date): Promise<number> {
  const { moderationDigestHours: hours, moderationMailTo } = moderationSettings(strapi);
  const waiting = await waitingSubmissions(strapi);
  const undigested = waiting.filter((s) => s.digestedAt === null);
  // The last digest up to `now`: one stamped later (a run on a clock set ahead, as the tests and
  // `registrations-tick --now` do) must not hold back today's.
  const last: unknown = await strapi.db.query(SUBMISSION).findOne({ where: { digestedAt: { $notNull: true, $lte: now } }, orderBy: { digestedAt: 'desc' }, select: ['digestedAt'] });
  if (!digestDue(undigested.length, isRecord(last) ? (last.digestedAt as string | Date | null) : null, now, hours)) return 0;
  const recipients = await editorAddresses(strapi, moderationMailTo);
  if (recipients.length === 0) {
    strapi.log.warn('Moderation: proposals wait in Zgłoszenia, but there is nobody to tell (ORG_MODERATION_MAIL_TO is empty and no admin user is active).');
    return 0;
  }
  const settings = formSettings(strapi);
  let sent = 0;
  for (const to of recipients) {
    try {
      await sendMail(strapi, composeDigest(to, waiting, now, settings, hours));
      sent += 1;
    } catch (error) {
      strapi.log.error(`Moderation: the digest could not be mailed to one of its recipients (${error instanceof Error ? error.name : 'error'}).`);
    }
  }
  // Unmarked, the next run tries again; marked, the editors who got it are not told twice.
  if (sent > 0) await strapi.db.query(SUBMISSION).updateMany({ where: { id: { $in: waiting.map((s) => s.id) } }, data: { digestedAt: now } });
  return sent;
}
