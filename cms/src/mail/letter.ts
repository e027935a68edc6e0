/**
 * The CMS's mails to visitors (sign-ups, room requests) in one shape: a greeting, what happened,
 * at most one button with a note under it, an optional link, and a footer saying why the mail
 * came — as plain text and as simple HTML, sent through Strapi's e-mail plugin.
 */
import type { Core } from '@strapi/strapi';

export interface Mail {
  to: string;
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
  action?: { label: string; url: string; note: string };
  link?: { label: string; url: string };
  footer: string;
  attachments?: Mail['attachments'];
}

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function composeLetter({ to, name, subject, lead, action, link, footer, attachments }: Letter): Mail {
  const text = [`Dzień dobry, ${name}!`, '', lead, ...(action ? ['', `${action.label}: ${action.url}`, action.note] : []), ...(link ? ['', `${link.label}: ${link.url}`] : []), '', '-- ', footer].join('\n');
  const html = [
    '<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>' + escapeHtml(subject) + '</title></head>',
    '<body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">',
    `<p>Dzień dobry, ${escapeHtml(name)}!</p>`,
    `<p>${escapeHtml(lead)}</p>`,
    action
      ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:10px 18px;background:#0b4f8a;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(action.label)}</a></p><p>${escapeHtml(action.note)}</p>`
      : '',
    link ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>` : '',
    `<hr><p style="font-size:13px;color:#555">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html, ...(attachments ? { attachments } : {}) };
}

/** Sends through Strapi's e-mail plugin (config/plugins.ts: SMTP through nodemailer). */
export async function sendMail(strapi: Core.Strapi, mail: Mail): Promise<void> {
  await strapi.plugin('email').service('email').send(mail);
}

/**
 * The page a mailed link opens: what the link is about and one button. Opening it changes
 * nothing — mail scanners and link previews open every link — only the button's POST acts.
 */
export function linkPage({ title, lead, subject, detail, button, token, siteUrl }: { title: string; lead: string; subject: string; detail: string; button: string; token: string; siteUrl: string }): string {
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} – Centrum Obywatelskie</title>
<style>
body { font-family: system-ui, Arial, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 36rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
button { font: inherit; padding: 0.75rem 1.25rem; border: 2px solid #0b4f8a; border-radius: 0.25rem; background: #0b4f8a; color: #fff; cursor: pointer; }
button:focus-visible, a:focus-visible { outline: 3px solid #c04a00; outline-offset: 2px; }
a { color: #0b4f8a; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(lead)}</p>
<p><strong>${escapeHtml(subject)}</strong><br>${escapeHtml(detail)}</p>
<form method="post">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${escapeHtml(button)}</button>
</form>
<p><a href="${escapeHtml(siteUrl)}/">Strona Centrum Obywatelskiego</a></p>
</main>
</body>
</html>
`;
}
