/** What the browser suite's global setup hands to its test files. */
export interface SiteContext {
  /** Where the built seed site is served, e.g. http://127.0.0.1:43123 (no trailing slash). */
  url: string;
  /** The built site on disk. */
  dir: string;
  /** The seeded CMS the site's forms post to. */
  cmsUrl: string;
  /** The mail catcher's page; `mails.json` lists every mail the CMS sent. */
  mailUrl: string;
  /** The read-only token the site was built with, for a test that builds it again. */
  readToken: string;
  /** An administrator of that CMS, for the admin panel tests. */
  admin: { email: string; password: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    site: SiteContext;
  }
}
