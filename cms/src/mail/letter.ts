/**
 * The CMS's mails to visitors (sign-ups, room requests) in one shape: a greeting, what happened,
 * at most one button with a note under it, an optional link, and a footer saying why the mail
 * came — as plain text and as simple HTML, sent through Strapi's e-mail plugin.
 */
import type { Core } from '@strapi/strapi';
import type { Language } from '../languages/locales';
import { LETTER_PL, type LetterWords } from '../languages/words';
import { LETTER_EN } from '../languages/words-en';
import { LETTER_UK } from '../languages/words-uk';

const LETTER: Record<Language, LetterWords> = { pl: LETTER_PL, uk: LETTER_UK, en: LETTER_EN };

export interface Mail {
  to: string;
  /** Where a reply goes; the configured MAIL_REPLY_TO (the centre) when absent. */
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe for a mail that goes out regularly. */
  headers?: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface Letter {
  to: string;
  /** Who the greeting names. */
  name: string;
  subject: string;
  lead: string;
  /** Facts under the lead, one per line: "Kiedy może pomagać: wtorki". */
  details?: readonly (readonly [string, string])[];
  action?: { label: string; url: string; note: string };
  link?: { label: string; url: string };
  footer: string;
  attachments?: Mail['attachments'];
  replyTo?: string;
  headers?: Mail['headers'];
  /** The language the person wrote in (their submission's); Polish when left out. */
  language?: Language;
}

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeLetter({ to, name, subject, lead, details = [], action, link, footer, attachments, replyTo, headers, language = 'pl' }: Letter): Mail {
  const words = LETTER[language];
  const facts = details.map(([label, value]) => `${label}: ${value}`);
  const text = [words.greeting(name), '', lead, ...(facts.length > 0 ? ['', ...facts] : []), ...(action ? ['', `${action.label}: ${action.url}`, action.note] : []), ...(link ? ['', `${link.label}: ${link.url}`] : []), '', '-- ', footer].join('\n');
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>` + escapeHtml(subject) + '</title></head>',
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">',
    `<p>${escapeHtml(words.greeting(name))}</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    details.length > 0 ? `<dl>${details.map(([label, value]) => `<dt style="font-weight:bold">${escapeHtml(label)}</dt><dd style="margin:0 0 8px 0;white-space:pre-wrap">${escapeHtml(value)}</dd>`).join('')}</dl>` : '',
    action
      ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 18px;background:#0b4f8a;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p><p>${escapeHtml(action.note)}</p>`
      : '',
    link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : '',
    `<hr><p style="font-size:13px;color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html, ...(attachments ? { attachments } : {}), ...(replyTo ? { replyTo } : {}), ...(headers ? { headers } : {}) };
}

/** Sends through Strapi's e-mail plugin (config/plugins.ts: SMTP through nodemailer). */
export async function sendMail(strapi: Core.Strapi, mail: Mail): Promise<void> {
  await strapi.plugin('email').service('email').send(mail);
}

/**
 * The start of every page the CMS serves to people (link pages, the organisations' panel) up to
 * the title: Polish, phone-sized, kept out of search engines. The referrer policy keeps an address
 * (a link page's carries its token) from leaving the CMS, yet lets the browser send the page's
 * Origin with the page's own form posts (under no-referrer it sends "null", which a check against
 * other sites' posts must refuse).
 */
export const pageHead = (title: string, language: Language = 'pl'): string => `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>`;

/** One form of a link page: its button, and fields the person fills in before pressing it. */
export interface LinkForm {
  button: string;
  /** A heading over the form, when the page offers more than one. */
  heading?: string;
  /** HTML of the form's own fields; built with escapeHtml by the caller. */
  fieldsHtml?: string;
}

/**
 * The page a mailed link opens: what the link is about and one button (or a few forms, each with
 * its button). Opening it changes nothing — mail scanners and link previews open every link —
 * only a button's POST acts.
 */
export function linkPage({ title, lead, subject, detail, button, token, siteUrl, forms, language = 'pl' }: { title: string; lead: string; subject: string; detail: string; button?: string; token: string; siteUrl: string; forms?: readonly LinkForm[]; language?: Language }): string {
  const words = LETTER[language];
  const all: readonly LinkForm[] = forms ?? [{ button: button ?? words.confirm }];
  const formHtml = all
    .map(
      (form) => `${form.heading ? `<h2>${escapeHtml(form.heading)}</h2>\n` : ''}<form method="post">
<input type="hidden" name="token" value="${escapeHtml(token)}">
${language === 'pl' ? '' : `<input type="hidden" name="language" value="${language}">\n`}${form.fieldsHtml ?? ''}<button type="submit">${escapeHtml(form.button)}</button>
</form>`,
    )
    .join('\n');
  return `${pageHead(`${title} – ${words.siteName}`, language)}
<style>
body { font-family: system-ui, Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 36rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
button { font: inherit; padding: 0.75rem 1.25rem; border: 2px solid #0b4f8a; border-radius: 0.25rem; background: #0b4f8a; color: #fff; cursor: pointer; }
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #c04a00; outline-offset: 2px; }
fieldset { border: 1px solid #767676; margin: 0 0 1rem; padding: 0.5rem 1rem 1rem; }
label { display: block; margin: 0.5rem 0; }
textarea { font: inherit; width: 100%; box-sizing: border-box; border: 1px solid #767676; }
a { color: #0b4f8a; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(lead)}</p>
<p><strong>${escapeHtml(subject)}</strong><br>${escapeHtml(detail)}</p>
${formHtml}
<p><a href="${escapeHtml(siteUrl)}/${language === 'pl' ? '' : `${language}/`}">${escapeHtml(words.homeLink)}</a></p>
</main>
</body>
</html>
`;
}
