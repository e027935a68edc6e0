/**
 * The page a mailed link opens: what the link is about and one button. Opening it changes
 * nothing — mail scanners and link previews open every link — only the button's POST acts.
 */
import type { Registration } from './service';
import { when } from './mail';

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type LinkAction = 'confirm' | 'cancel';

const TEXT: Record<LinkAction, { title: string; lead: string; button: string }> = {
  confirm: { title: 'Potwierdź zapis', lead: 'Kliknij przycisk, aby potwierdzić adres e-mail i zapis na:', button: 'Potwierdzam zapis' },
  cancel: { title: 'Rezygnacja z zapisu', lead: 'Kliknij przycisk, aby zrezygnować z zapisu na:', button: 'Rezygnuję z udziału' },
};

export function linkPage(action: LinkAction, registration: Pick<Registration, 'eventTitle' | 'startsAt' | 'slotLabel'>, token: string, siteUrl: string): string {
  const text = TEXT[action];
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${text.title} – Centrum Obywatelskie</title>
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
<h1>${text.title}</h1>
<p>${text.lead}</p>
<p><strong>${escapeHtml(registration.eventTitle)}</strong><br>${escapeHtml(when(registration))}</p>
<form method="post">
<input type="hidden" name="token" value="${escapeHtml(token)}">
<button type="submit">${text.button}</button>
</form>
<p><a href="${escapeHtml(siteUrl)}/">Strona Centrum Obywatelskiego</a></p>
</main>
</body>
</html>
`;
}
