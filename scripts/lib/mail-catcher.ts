/**
 * A local SMTP server that keeps every mail instead of delivering it: `npm start` points the CMS
 * at it, so a newcomer can read sign-up confirmations and password resets on a local page, and
 * the tests read the same mails to follow their links. Listens on 127.0.0.1 only; mails are
 * kept in memory and, when a folder is given, saved there as .eml files (git-ignored .mail/).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: Date;
  from: string;
  to: string[];
  /** Where a reply goes (the Reply-To header, else the sender). */
  replyTo: string[];
  /** The List-* headers (List-Unsubscribe, List-Unsubscribe-Post), by lower-case name, as sent. */
  listHeaders: Record<string, string>;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  /** Every http(s) link of the plain-text part, in order. */
  links: string[];
  raw: Buffer;
}

export interface MailCatcher {
  smtpPort: number;
  /** How many mails arrived, parsed or not. */
  received(): number;
  mails: CaughtMail[];
  /** Resolves with the first mail (already caught or arriving within `timeoutMs`) that matches. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number, what?: string): Promise<CaughtMail>;
  /** Serves the list of mails as a page, e.g. http://127.0.0.1:4500/. */
  listenWeb(port: number): Promise<string>;
  close(): Promise<void>;
}

export interface MailCatcherOptions {
  port?: number;
  /** Also save each mail as <n>.eml here. */
  saveDir?: string;
  /** At most this many mails are kept in memory (the oldest go first). */
  keep?: number;
  /** false: only count the mails (a benchmark must not measure the catcher's parsing); `received` still grows. */
  parse?: boolean;
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((entry) => entry.address ?? '')).filter(Boolean);

const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startMailCatcher(options: MailCatcherOptions = {}): Promise<MailCatcher> {
  const mails: CaughtMail[] = [];
  const waiters = new Set<(mail: CaughtMail) => void>();
  let next = 1;
  let received = 0;
  if (options.saveDir) mkdirSync(options.saveDir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on the loopback interface: there is nothing to encrypt against, and no certificate.
    disabledCommands: ['STARTTLS'],
    banner: 'Centrum Obywatelskie – poczta testowa',
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        received += 1;
        if (options.parse === false) return callback();
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const text = parsed.text ?? '';
            const mail: CaughtMail = {
              id: next++,
              receivedAt: new Date(),
              from: addresses(parsed.from)[0] ?? '',
              to: addresses(parsed.to),
              replyTo: parsed.replyTo ? addresses(parsed.replyTo) : addresses(parsed.from),
              listHeaders: Object.fromEntries(parsed.headerLines.filter((h) => h.key.startsWith('list-')).map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).trim()])),
              subject: parsed.subject ?? '',
              text,
              html: typeof parsed.html === 'string' ? parsed.html : null,
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
              links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]),
              raw,
            };
            mails.push(mail);
            if (mails.length > (options.keep ?? 1000)) mails.shift();
            if (options.saveDir) writeFileSync(path.join(options.saveDir, `${String(mail.id).padStart(5, '0')}.eml`), raw);
            for (const waiter of waiters) waiter(mail);
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  // smtp-server keeps its net.Server in .server; its typings do not show it.
  const smtpPort = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  let web: http.Server | null = null;

  return {
    smtpPort,
    received: () => received,
    mails,
    waitFor(match, timeoutMs = 15_000, what = 'a matching mail') {
      const found = mails.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No ${what} arrived within ${timeoutMs / 1000} s (${mails.length} mails caught: ${mails.map((m) => `"${m.subject}" to ${m.to.join(', ')}`).join('; ') || 'none'}).`));
        }, timeoutMs);
        const waiter = (mail: CaughtMail) => {
          if (!match(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        waiters.add(waiter);
      });
    },
    async listenWeb(port) {
      web = http.createServer((request, response) => {
        const url = new URL(request.url ?? '/', 'http://localhost');
        if (url.pathname === '/mails.json') {
          // For the tests, which run in another process than the catcher.
          response.setHeader('Content-Type', 'application/json');
          response.end(JSON.stringify(mails.map(({ raw: _raw, attachments, ...mail }) => ({ ...mail, attachments: attachments.map((a) => ({ ...a, content: a.content.toString('base64') })) }))));
          return;
        }
        const id = Number(url.searchParams.get('id'));
        const mail = mails.find((m) => m.id === id);
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.setHeader('Cache-Control', 'no-store');
        const linkify = (text: string) => escapeHtml(text).replace(/https?:\/\/[^\s<>"&]+(?:&amp;[^\s<>"&]+)*/g, (url) => `<a href="${url}">${url}</a>`);
        const body = mail
          ? `<p><a href="/">← wszystkie wiadomości</a></p><h1>${escapeHtml(mail.subject)}</h1><p>Do: ${escapeHtml(mail.to.join(', '))}<br>Od: ${escapeHtml(mail.from)}<br>${mail.receivedAt.toLocaleString('pl-PL', { timeZone: 'Europe/Warsaw' })}</p>${mail.attachments.length ? `<p>Załączniki: ${mail.attachments.map((a) => escapeHtml(a.filename)).join(', ')}</p>` : ''}<pre style="white-space:pre-wrap">${linkify(mail.text)}</pre>`
          : `<h1>Poczta testowa (${mails.length})</h1><p>Wiadomości, które CMS wysłał od uruchomienia; nic nie wychodzi poza ten komputer.</p><ul>${[...mails].reverse().map((m) => `<li><a href="/?id=${m.id}">${escapeHtml(m.subject)}</a> – do ${escapeHtml(m.to.join(', '))}, ${m.receivedAt.toLocaleTimeString('pl-PL', { timeZone: 'Europe/Warsaw' })}</li>`).join('')}</ul>`;
        response.end(`<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Poczta testowa</title></head><body style="font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem"><main>${body}</main></body></html>`);
      });
      await new Promise<void>((resolve, reject) => {
        web!.once('error', reject);
        web!.listen(port, '127.0.0.1', () => resolve());
      });
      return `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
    },
    async close() {
      await Promise.all([
        new Promise<void>((resolve) => server.close(() => resolve())),
        web ? new Promise<void>((resolve) => web!.close(() => resolve())) : Promise.resolve(),
      ]);
    },
  };
}
