/**
 * The frame of every panel page: the site's colours and type, a skip link, the organisation's name,
 * the panel's menu and the sign-out button (a form, since signing out changes state). Plain HTML and
 * inline CSS: the pages work without JavaScript and load nothing from elsewhere.
 */
import { escapeHtml, pageHead } from '../mail/letter';
import { PANEL_PATH } from './session-rules';

export interface PanelFrame {
  title: string;
  /** The organisation signed in; absent on the sign-in page. */
  organizationName?: string;
  /** The CSRF token for the sign-out form. */
  csrf?: string;
  /** Which menu item is the current page. */
  current?: 'start' | 'profile' | 'events' | 'offers';
  /** A short note after a successful action (role=status). */
  notice?: string;
  siteUrl: string;
  body: string;
}

const MENU: readonly [PanelFrame['current'], string, string][] = [
  ['start', '', 'Start'],
  ['profile', 'profil', 'Profil'],
  ['events', 'wydarzenia', 'Wydarzenia'],
  ['offers', 'oferty', 'Oferty wolontariatu'],
];

export const panelUrl = (path = ''): string => `${PANEL_PATH}/${path}`;

export const csrfField = (csrf: string): string => `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`;

const STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { font-family: system-ui, Arial, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
a { color: #0b4f8a; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 2; }
header { background: #0b4f8a; color: #fff; }
header .bar { max-width: 60rem; margin: 0 auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
header a, header .org { color: #fff; }
header .org { font-weight: 700; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.75rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin-top: 2rem; }
button, .button { font: inherit; display: inline-block; padding: 0.6rem 1.1rem; border: 2px solid #0b4f8a; border-radius: 0.25rem; background: #0b4f8a; color: #fff; cursor: pointer; text-decoration: none; }
button.secondary, .button.secondary { background: #fff; color: #0b4f8a; }
header button { background: #fff; color: #0b4f8a; border-color: #fff; padding: 0.3rem 0.8rem; }
:focus-visible { outline: 3px solid #c04a00; outline-offset: 2px; }
.field { margin: 0 0 1.1rem; }
.field label, .field legend { display: block; font-weight: 600; }
.field-checkbox label { display: inline; font-weight: 400; }
.choice label { font-weight: 400; }
fieldset { border: 1px solid #767676; border-radius: 0.25rem; margin: 0 0 1.5rem; padding: 0.5rem 1rem 0.75rem; }
fieldset.section > legend { font-size: 1.15rem; font-weight: 700; padding: 0 0.25rem; }
input[type=text], input[type=email], input[type=url], input[type=tel], input[type=date], input[type=datetime-local], input[type=number], input[type=file], select, textarea { font: inherit; width: 100%; max-width: 40rem; padding: 0.4rem; border: 1px solid #595959; border-radius: 0.2rem; background: #fff; color: #1a1a1a; }
input[type=checkbox] { width: 1.2rem; height: 1.2rem; vertical-align: middle; }
[aria-invalid="true"] { border: 2px solid #b00020; }
.hint { margin: 0.1rem 0 0.3rem; color: #4a4a4a; font-size: 0.95rem; }
.error { margin: 0.1rem 0 0.3rem; color: #b00020; font-weight: 600; }
.required { font-weight: 400; color: #4a4a4a; font-size: 0.9rem; }
.error-summary { border: 3px solid #b00020; padding: 0.5rem 1rem; margin-bottom: 1.5rem; }
.error-summary h2 { margin-top: 0.5rem; }
.notice { border-left: 6px solid #1d6b38; background: #eef7f0; padding: 0.75rem 1rem; }
.warning { border-left: 6px solid #8a5a00; background: #fff7e6; padding: 0.75rem 1rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #c4c4c4; padding: 0.5rem 0.5rem 0.5rem 0; }
.state { display: inline-block; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 0.2rem; font-size: 0.9rem; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.inline { display: inline; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0 0 0.5rem; }
`;

export function panelPage({ title, organizationName, csrf, current, notice, siteUrl, body }: PanelFrame): string {
  const menu = organizationName
    ? `<nav aria-label="Panel organizacji"><ul>${MENU.map(([key, path, label]) => `<li><a href="${panelUrl(path)}"${key === current ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`).join('')}</ul></nav>
<form method="post" action="${panelUrl('wyloguj')}" class="inline">${csrf ? csrfField(csrf) : ''}<button type="submit">Wyloguj</button></form>`
    : '';
  return `${pageHead(`${title} – Panel organizacji – Centrum Obywatelskie`)}
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#tresc">Przejdź do treści</a>
<header><div class="bar">
<span class="org">${organizationName ? escapeHtml(organizationName) : 'Panel organizacji'}</span>
${menu}
</div></header>
<main id="tresc">
<h1>${escapeHtml(title)}</h1>
${notice ? `<p class="notice" role="status">${escapeHtml(notice)}</p>` : ''}
${body}
<p><a href="${escapeHtml(siteUrl)}/">Strona Centrum Obywatelskiego</a></p>
</main>
</body>
</html>
`;
}
