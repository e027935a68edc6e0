/**
 * What the three public form controllers (sign-ups, guide feedback, room requests) answer alike:
 * a 303 redirect to the answer's page on the static site, or the same answer as JSON for a client
 * that asks for it; and the page with one button that a mailed link opens.
 */
import type { ResultPage } from '../shared/signup-results';
import type { Language } from '../languages/locales';
import { languageOfForm, sitePathIn } from '../languages/words';
import { isRecord } from '../validation/write-shapes';
import { parseToken } from './form-fields';
import { createLimiter, type Limiter } from './rate-limit';

export interface FormContext {
  request: { accepts(...types: string[]): string | false };
  status: number;
  body: unknown;
  type: string;
  set(field: string, value: string): void;
  redirect(url: string): void;
}

/** Answers with `code`'s page, in the language of the form that was sent (Polish when left out). */
export type Answer<C extends string> = (ctx: FormContext, code: C, extra?: Record<string, unknown>, language?: Language) => void;

export const wantsJson = (ctx: FormContext): boolean => ctx.request.accepts('html', 'json') === 'json';

/** Ends a request with a redirect to `siteUrl + path`, or with `json` for clients that ask. Never cached. */
export function redirectOrJson(ctx: FormContext, url: string, json: { status: number; body: unknown }): void {
  ctx.set('Cache-Control', 'no-store');
  if (wantsJson(ctx)) {
    ctx.status = json.status;
    ctx.body = json.body;
    return;
  }
  ctx.status = 303;
  ctx.redirect(url);
}

/** The answer function of one form: its table of result pages and where they live on the site. */
export function answerWith<C extends string>(pages: Record<C, ResultPage>, pathOf: (code: C) => string, siteUrl: () => string): Answer<C> {
  return (ctx, code, extra = {}, language = 'pl') => {
    const page = pages[code];
    redirectOrJson(ctx, `${siteUrl()}${sitePathIn(pathOf(code), language)}`, { status: page.status, body: { result: code, message: page.message, ...extra } });
  };
}

/** Serves the page a mailed link opens (HTML made by mail/letter.ts linkPage). */
export function serveLinkPage(ctx: FormContext, html: string, siteUrl: string): void {
  ctx.set('Cache-Control', 'no-store');
  // The button's POST answers with a redirect to the site, and browsers hold a redirect after a
  // form to the page's form-action too (Strapi's default allows only the CMS itself).
  ctx.set('Content-Security-Policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(siteUrl).origin}; base-uri 'none'; frame-ancestors 'none'`);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html;
}

/** A public form route's request: its body, its client's address and its query (a mailed link's token). */
export type FormRequestContext = FormContext & { request: { body?: unknown; ip: string; length?: number; query: Record<string, unknown> } };

/**
 * What a public form's controller sets up alike: its rate limiter (made on first use, from the
 * form's settings, its counts kept apart from other forms' by `name`), the posted body as a record, and its answer function.
 */
export function formRoute<C extends string>(name: string, limitsOf: () => { perIp: number; perEmail: number }, pages: Record<C, ResultPage>, pathOf: (code: C) => string, siteUrl: () => string) {
  let limiter: Limiter | null = null;
  const limits = (): Limiter => (limiter ??= createLimiter(name, limitsOf()));
  const body = (ctx: FormRequestContext): Record<string, unknown> => (isRecord(ctx.request.body) ? ctx.request.body : {});
  const answerIn = answerWith(pages, pathOf, siteUrl);
  // In the language of the form that was posted (a translated page's form, or a link page, sends it), unless told otherwise.
  const answer: Answer<C> = (ctx, code, extra, language) => answerIn(ctx, code, extra, language ?? languageOfForm(body(ctx as FormRequestContext).language));
  /** The token a link page's button posted (or `fromLink`), once the client is within its limit; otherwise answers and returns null. */
  const postedToken = async (ctx: FormRequestContext, route: string, answerWithCode: (code: 'invalid_token' | 'rate_limited') => void, fromLink: string | null = null): Promise<string | null> => {
    const token = fromLink ?? parseToken(body(ctx));
    const refused = !token ? 'invalid_token' : !(await limits().allow(route, ctx.request.ip)) ? 'rate_limited' : null;
    if (refused) answerWithCode(refused);
    return refused ? null : token;
  };
  return { limits, body, answer, postedToken };
}
