/**
 * The bodies of the panel's pages, as HTML strings from plain data: the start page with what waits
 * for the editors, the lists of the organisation's events and offers with each one's state, the
 * forms, and an offer's applications with the same answers the mailed link offers.
 */
import { DateTime } from 'luxon';
import { escapeHtml } from '../mail/letter';
import { DECLINE_REASONS } from '../shared/volunteer-application-results';
import { csrfField, panelUrl } from './layout';
import { errorSummary, renderSections, type FieldProblem, type FormSection, type FormValues } from './form-kit';
import type { SubmissionView } from './submissions';

const TIME_ZONE = 'Europe/Warsaw';

export const when = (value: string | Date | null | undefined): string => (value ? DateTime.fromJSDate(new Date(value), { zone: TIME_ZONE }).setLocale('pl').toFormat('d MMMM yyyy, HH:mm') : '');

/** Polish names of the moderation's reject reasons (the editors choose one, moderation-rules.ts). */
const REJECT_REASONS: Record<string, string> = {
  duplicate: 'to już jest w serwisie',
  out_of_scope: 'poza zakresem działalności Centrum',
  not_enough_information: 'za mało informacji',
  advertisement: 'reklama komercyjna',
  other: 'inny powód',
};

/** What a row of the lists says of an entry: published, waiting, rejected; from its latest submission. */
export function stateText(published: boolean, latest: SubmissionView | undefined): string {
  if (latest?.state === 'pending') return published ? 'Opublikowane; zmiana czeka na zatwierdzenie' : 'Czeka na zatwierdzenie';
  if (latest?.state === 'rejected') {
    const why = latest.reason ? `: ${REJECT_REASONS[latest.reason] ?? latest.reason}${latest.reasonText ? ` – „${latest.reasonText}”` : ''}` : '';
    return `${published ? 'Opublikowane; ostatnia zmiana odrzucona' : 'Odrzucone'}${why}`;
  }
  return published ? 'Opublikowane' : 'Szkic';
}

export interface ListedEntry {
  documentId: string;
  title: string;
  /** The date shown beside it: an event's start, an offer's last day. */
  date: string;
  published: boolean;
  slug: string | null;
  latest: SubmissionView | undefined;
  /** For offers: applications waiting for an answer. */
  waiting?: number;
}

export function overviewBody(counts: { events: number; offers: number; waiting: number; pending: number }, submissions: readonly SubmissionView[], trusted: boolean): string {
  const recent = submissions.slice(0, 10);
  const rows = recent
    .map((s) => `<tr><td>${escapeHtml(s.title)}</td><td>${escapeHtml({ event: 'wydarzenie', volunteer_offer: 'oferta wolontariatu', profile: 'profil', join: 'dołączenie' }[s.kind])}</td><td>${escapeHtml(when(s.submittedAt))}</td><td>${escapeHtml(submissionStateText(s))}</td></tr>`)
    .join('');
  return `<p>${trusted ? 'Wasza organizacja jest zaufana: to, co zapiszecie, ukazuje się od razu, a redakcja przegląda to później.' : 'To, co zapiszecie, ukaże się na stronie po zatwierdzeniu przez redakcję Centrum. Do tego czasu strona pokazuje poprzednią wersję.'}</p>
<ul>
<li><a href="${panelUrl('wydarzenia')}">Wydarzenia</a>: ${counts.events}</li>
<li><a href="${panelUrl('oferty')}">Oferty wolontariatu</a>: ${counts.offers}${counts.waiting > 0 ? ` – <strong>${counts.waiting} ${counts.waiting === 1 ? 'zgłoszenie czeka' : 'zgłoszeń czeka'} na odpowiedź</strong>` : ''}</li>
<li>Czeka na zatwierdzenie: ${counts.pending}</li>
</ul>
<div class="actions"><a class="button" href="${panelUrl('wydarzenia/nowe')}">Zaproponuj wydarzenie</a><a class="button secondary" href="${panelUrl('oferty/nowa')}">Dodaj ofertę wolontariatu</a><a class="button secondary" href="${panelUrl('profil')}">Zmień profil</a></div>
<h2>Ostatnie zgłoszenia</h2>
${rows ? `<table><caption class="skip">Ostatnie zgłoszenia do redakcji</caption><thead><tr><th scope="col">Co</th><th scope="col">Rodzaj</th><th scope="col">Wysłane</th><th scope="col">Stan</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>Nic jeszcze nie wysłaliście.</p>'}`;
}

export function submissionStateText(s: SubmissionView): string {
  switch (s.state) {
    case 'pending':
      return 'czeka na zatwierdzenie';
    case 'approved':
      return 'zatwierdzone i opublikowane';
    case 'published_trusted':
    case 'reviewed':
      return 'opublikowane';
    case 'rejected':
      return `odrzucone: ${REJECT_REASONS[s.reason ?? ''] ?? 'bez powodu'}${s.reasonText ? ` – „${s.reasonText}”` : ''}`;
    case 'spam':
      return 'odrzucone';
    default:
      return s.state;
  }
}

export function listBody(kind: 'events' | 'offers', entries: readonly ListedEntry[], siteUrl: string): string {
  const path = kind === 'events' ? 'wydarzenia' : 'oferty';
  const publicPath = kind === 'events' ? 'wydarzenia' : 'wolontariat';
  const add = kind === 'events' ? `<a class="button" href="${panelUrl('wydarzenia/nowe')}">Zaproponuj wydarzenie</a>` : `<a class="button" href="${panelUrl('oferty/nowa')}">Dodaj ofertę wolontariatu</a>`;
  if (entries.length === 0) return `<p>${kind === 'events' ? 'Nie ma jeszcze Waszych wydarzeń.' : 'Nie ma jeszcze Waszych ofert.'}</p><div class="actions">${add}</div>`;
  const rows = entries
    .map((entry) => {
      const links = [
        `<a href="${panelUrl(`${path}/${entry.documentId}`)}">Edytuj<span class="skip"> – ${escapeHtml(entry.title)}</span></a>`,
        kind === 'offers' ? `<a href="${panelUrl(`${path}/${entry.documentId}/zgloszenia`)}">Zgłoszenia${entry.waiting ? ` (${entry.waiting} czeka)` : ''}<span class="skip"> – ${escapeHtml(entry.title)}</span></a>` : '',
        entry.published && entry.slug ? `<a href="${escapeHtml(`${siteUrl}/${publicPath}/${entry.slug}/`)}">Na stronie<span class="skip"> – ${escapeHtml(entry.title)}</span></a>` : '',
      ].filter(Boolean);
      return `<tr><td>${escapeHtml(entry.title)}</td><td>${escapeHtml(entry.date)}</td><td>${escapeHtml(stateText(entry.published, entry.latest))}</td><td>${links.join(' · ')}</td></tr>`;
    })
    .join('');
  return `<div class="actions">${add}</div>
<table><thead><tr><th scope="col">Tytuł</th><th scope="col">${kind === 'events' ? 'Początek' : 'Zgłoszenia do'}</th><th scope="col">Stan</th><th scope="col">Działania</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export interface FormPage {
  action: string;
  csrf: string;
  sections: readonly FormSection[];
  values: FormValues;
  problems: readonly FieldProblem[];
  submit: string;
  /** Said above the form: e.g. that a published entry stays as it is until approved. */
  intro?: string;
  /** Extra fields before the button (the logo upload). */
  extraHtml?: string;
  multipart?: boolean;
}

export function formBody({ action, csrf, sections, values, problems, submit, intro, extraHtml, multipart }: FormPage): string {
  return `${errorSummary(problems)}
${intro ? `<p>${escapeHtml(intro)}</p>` : ''}
<p>Pola oznaczone „(wymagane)” trzeba wypełnić.</p>
<form method="post" action="${escapeHtml(action)}"${multipart ? ' enctype="multipart/form-data"' : ''} novalidate>
${csrfField(csrf)}
${renderSections(sections, values, problems)}
${extraHtml ?? ''}
<button type="submit">${escapeHtml(submit)}</button>
</form>`;
}

export interface ApplicationRow {
  id: number;
  state: string;
  reserve: boolean;
  name: string | null;
  email: string | null;
  phone: string | null;
  availability: string | null;
  message: string | null;
  age: string | null;
  confirmedAt: string | null;
  declineReason: string | null;
  answerNote: string | null;
  erased: boolean;
}

const APPLICATION_STATES: Record<string, string> = {
  submitted: 'czeka na Waszą odpowiedź',
  accepted: 'przyjęte',
  declined: 'odmowa wysłana',
  withdrawn: 'wycofane przez zgłaszającego',
};

export function applicationsBody(offerTitle: string, offerDocumentId: string, rows: readonly ApplicationRow[], csrf: string): string {
  if (rows.length === 0) return `<p>Do oferty „${escapeHtml(offerTitle)}” nie ma jeszcze potwierdzonych zgłoszeń.</p>`;
  const action = panelUrl(`oferty/${offerDocumentId}/zgloszenia`);
  const reasons = (id: number) =>
    Object.entries(DECLINE_REASONS)
      .map(([value, { label }], i) => `<div class="choice"><input type="radio" id="powod-${id}-${i}" name="reason" value="${value}"${i === 0 ? ' required' : ''}> <label for="powod-${id}-${i}">${escapeHtml(label)}</label></div>`)
      .join('');
  return rows
    .map((row) => {
      const title = row.erased ? 'Dane usunięte' : (row.name ?? 'Zgłoszenie');
      const facts = row.erased
        ? ''
        : `<dl class="facts">
<dt>E-mail</dt><dd><a href="mailto:${escapeHtml(row.email ?? '')}">${escapeHtml(row.email ?? '')}</a></dd>
${row.phone ? `<dt>Telefon</dt><dd>${escapeHtml(row.phone)}</dd>` : ''}
${row.availability ? `<dt>Kiedy może pomagać</dt><dd>${escapeHtml(row.availability)}</dd>` : ''}
${row.message ? `<dt>Wiadomość</dt><dd>${escapeHtml(row.message)}</dd>` : ''}
${row.age === 'minor' ? '<dt>Wiek</dt><dd>osoba niepełnoletnia (za zgodą rodzica)</dd>' : ''}
<dt>Potwierdzone</dt><dd>${escapeHtml(when(row.confirmedAt))}</dd>
</dl>`;
      const answer =
        row.state === 'submitted'
          ? `<form method="post" action="${action}">${csrfField(csrf)}<input type="hidden" name="application" value="${row.id}"><input type="hidden" name="decision" value="accept">
<div class="field"><label for="note-accept-${row.id}">Wiadomość do wolontariusza (nieobowiązkowa)</label><textarea id="note-accept-${row.id}" name="note" rows="3" maxlength="1000"></textarea></div>
<button type="submit">Przyjmuję zgłoszenie<span class="skip"> – ${escapeHtml(title)}</span></button></form>
<form method="post" action="${action}">${csrfField(csrf)}<input type="hidden" name="application" value="${row.id}"><input type="hidden" name="decision" value="decline">
<fieldset><legend>Powód odmowy</legend>${reasons(row.id)}</fieldset>
<div class="field"><label for="note-decline-${row.id}">Wiadomość (przy „Inny powód” – wymagana)</label><textarea id="note-decline-${row.id}" name="note" rows="3" maxlength="1000"></textarea></div>
<button type="submit" class="secondary">Wysyłam odmowę<span class="skip"> – ${escapeHtml(title)}</span></button></form>`
          : '';
      return `<section aria-labelledby="zgl-${row.id}"><h2 id="zgl-${row.id}">${escapeHtml(title)}</h2>
<p><span class="state">${escapeHtml(APPLICATION_STATES[row.state] ?? row.state)}${row.reserve ? ', rezerwowe' : ''}</span></p>
${facts}${answer}</section>`;
    })
    .join('\n');
}
