/** The admin the global setup registers, who signs in again when a run outlives the access token. */
export const TEST_ADMIN = { email: 'redakcja@co.example.pl', password: 'Testowe-Haslo-123' };

/** What the global setup hands to the CMS test files (via vitest's provide/inject). */
export interface CmsContext {
  url: string;
  env: Record<string, string>;
  /** Full-access API token: stands in for an editor's script writing through the REST API. */
  fullToken: string;
  /** Read-only API token: what the site build and the draft preview use. */
  readToken: string;
  /** JWT of an admin user: writes through the same admin API the admin panel uses. */
  adminToken: string;
  firstSeedOutput: string;
  /** Port the CMS's rebuild webhook calls (nothing listens unless a test starts the service). */
  rebuildPort: number;
  /** Shared secret of that webhook. */
  rebuildSecret: string;
  /** The mail catcher's page; `mails.json` lists every mail the CMS sent. */
  mailUrl: string;
  /** The site address the CMS redirects visitors to after a form. */
  siteUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    cms: CmsContext;
  }
}
